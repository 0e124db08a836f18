namespace AspireAuth.ChatQnaStub.Apis;

/// <summary>FastAPI's error bodies: <c>{"detail": ...}</c>.</summary>
internal static class OpeaErrors
{
    public static IResult Detail(int status, string detail) =>
        Results.Json(new Dictionary<string, object> { ["detail"] = detail }, statusCode: status);

    /// <summary>FastAPI's 422 for a missing body field.</summary>
    public static IResult MissingBodyField(string field) =>
        Results.Json(
            new Dictionary<string, object>
            {
                ["detail"] = new object[]
                {
                    new Dictionary<string, object?>
                    {
                        ["type"] = "missing",
                        ["loc"] = new[] { "body", field },
                        ["msg"] = "Field required",
                        ["input"] = null,
                    },
                },
            },
            statusCode: StatusCodes.Status422UnprocessableEntity);
}
