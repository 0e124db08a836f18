namespace AspireAuth.Mesh.Routing;

/// <summary>A destination of the chosen route, with its share of traffic.</summary>
/// <param name="Host">The fully qualified service host (short names qualified with the VirtualService namespace).</param>
/// <param name="Subset">The DestinationRule subset, if any.</param>
/// <param name="Port">The destination port, if given.</param>
/// <param name="Weight">The relative weight (100 for a single destination).</param>
/// <param name="SubsetLabels">The labels the subset selects; null without a subset.</param>
public sealed record SelectedDestination(string Host, string? Subset, int? Port, int Weight, IReadOnlyDictionary<string, string>? SubsetLabels);
