namespace AspireAuth.Mesh.Model;

/// <summary>A field of a rule with its positive and negative values (e.g. <c>paths</c> / <c>notPaths</c>).</summary>
/// <param name="Key">The attribute: a source/operation field name or a <c>when</c> key.</param>
/// <param name="Values">Positive values (OR); null when the field is absent.</param>
/// <param name="NotValues">Negative values (NOT OR); null when absent.</param>
public sealed record ValueMatch(string Key, IReadOnlyList<string>? Values, IReadOnlyList<string>? NotValues);
