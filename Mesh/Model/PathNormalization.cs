namespace AspireAuth.Mesh.Model;

/// <summary><c>meshConfig.pathNormalization.normalization</c>.</summary>
public enum PathNormalization
{
    /// <summary>Istio's default: RFC 3986 dot segments, backslashes, unreserved percent-decoding.</summary>
    Base,

    /// <summary>No normalisation at all.</summary>
    None,

    /// <summary>BASE plus merging of repeated slashes.</summary>
    MergeSlashes,

    /// <summary>Decodes <c>%2F</c> and <c>%5C</c> first, then MERGE_SLASHES.</summary>
    DecodeAndMergeSlashes,
}
