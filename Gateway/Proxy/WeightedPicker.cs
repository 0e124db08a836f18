using AspireAuth.Mesh.Routing;

namespace AspireAuth.Gateway.Proxy;

/// <summary>Envoy's weighted_clusters: a destination drawn at random in proportion to its weight, per request.</summary>
internal static class WeightedPicker
{
    public static SelectedDestination Pick(IReadOnlyList<SelectedDestination> destinations, Random random)
    {
        if (destinations.Count == 1)
        {
            return destinations[0];
        }

        var total = destinations.Sum(d => d.Weight);
        var draw = random.Next(total);
        foreach (var destination in destinations)
        {
            if (draw < destination.Weight)
            {
                return destination;
            }

            draw -= destination.Weight;
        }

        return destinations[^1];
    }
}
