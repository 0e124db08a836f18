using AspireAuth.KeycloakEmulator.Realms;

namespace AspireAuth.KeycloakEmulator.Tokens;

/// <summary>A user's effective roles: direct, from groups and their parents, and the default role, with composites expanded.</summary>
public static class RoleResolver
{
    public static IReadOnlyList<RoleRef> Effective(RealmModel realm, UserModel user)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(user);
        var start = new List<RoleRef>(user.Roles) { new(null, realm.DefaultRoleName) };
        foreach (var group in user.Groups)
        {
            // Members of /a/b hold the roles of /a and /a/b.
            var segments = group.Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i <= segments.Length; i++)
            {
                if (realm.Groups.TryGetValue("/" + string.Join('/', segments[..i]), out var g))
                {
                    start.AddRange(g.Roles);
                }
            }
        }

        var result = new List<RoleRef>();
        var seen = new HashSet<RoleRef>();
        var queue = new Queue<RoleRef>(start);
        while (queue.Count > 0)
        {
            var role = queue.Dequeue();
            if (!seen.Add(role))
            {
                continue;
            }

            result.Add(role);
            var model = role.ClientId is null
                ? realm.RealmRoles.GetValueOrDefault(role.Name)
                : realm.ClientRoles.TryGetValue(role.ClientId, out var byName) ? byName.GetValueOrDefault(role.Name) : null;
            foreach (var composite in model?.Composites ?? [])
            {
                queue.Enqueue(composite);
            }
        }

        return result;
    }
}
