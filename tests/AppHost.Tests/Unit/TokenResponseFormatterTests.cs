using System.Net;
using System.Text;
using AspireAuth.AppHost.Identity;

namespace AspireAuth.AppHost.Tests.Unit;

public class TokenResponseFormatterTests
{
    private static string Jwt(string payloadJson) =>
        $"{B64("""{"alg":"RS256","typ":"JWT","kid":"k1"}""")}.{B64(payloadJson)}.c2lnbmF0dXJl";

    private static string B64(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Format_Success_ShowsTheTokenAndItsDecodedClaims()
    {
        var token = Jwt("""{"iss":"http://localhost:8180/realms/istio","preferred_username":"mary","realm_access":{"roles":["user"]}}""");
        var body = $$"""{"access_token":"{{token}}","expires_in":300,"token_type":"Bearer"}""";

        var result = TokenResponseFormatter.Format("mary", "istio", "istio", HttpStatusCode.OK, body);

        Assert.True(result.Success);
        Assert.Equal("Token issued for mary.", result.Message);
        Assert.Contains(token, result.Markdown, StringComparison.Ordinal);
        Assert.Contains("realm `istio`, client `istio`, expires in 300 s", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("\"preferred_username\": \"mary\"", result.Markdown, StringComparison.Ordinal);
        Assert.Contains("\"iss\": \"http://localhost:8180/realms/istio\"", result.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_KeycloakError_ShowsErrorAndDescription()
    {
        var result = TokenResponseFormatter.Format(
            "bob", "istio", "istio", HttpStatusCode.Unauthorized,
            """{"error":"invalid_grant","error_description":"Invalid user credentials"}""");

        Assert.False(result.Success);
        Assert.Null(result.Markdown);
        Assert.Equal("No token for bob: 401 invalid_grant: Invalid user credentials", result.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "The token endpoint answered 502 with a body that is not JSON.")]
    [InlineData(HttpStatusCode.OK, """{"token_type":"Bearer"}""", "No token for mary: 200 without an access_token")]
    [InlineData(HttpStatusCode.OK, """{"access_token":"opaque-token"}""", "The access token for mary is not a JWT: expected 3 dot-separated parts, found 1")]
    public void Format_UnusableAnswers_AreFailuresThatSayWhy(HttpStatusCode status, string body, string expected)
    {
        var result = TokenResponseFormatter.Format("mary", "istio", "istio", status, body);

        Assert.False(result.Success);
        Assert.Equal(expected, result.Message);
    }

    [Fact]
    public void DecodeClaims_HandlesBase64UrlWithoutPadding()
    {
        // {"a":"???>>>"} is eyJhIjoiPz8_Pj4-In0 in base64url: '_' and '-' and a missing '=' must all be handled.
        Assert.Equal("eyJhIjoiPz8_Pj4-In0", B64("""{"a":"???>>>"}"""));

        var claims = TokenResponseFormatter.DecodeClaims(Jwt("""{"a":"???>>>"}"""));

        Assert.Contains("\"a\": \"???>>>\"", claims, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeClaims_KeepsNamesAndEmailsReadable()
    {
        var claims = TokenResponseFormatter.DecodeClaims(Jwt("""{"name":"Zoë O'Neil","email":"a+b@x.io","n":1}"""));

        Assert.Contains("\"name\": \"Zoë O'Neil\"", claims, StringComparison.Ordinal);
        Assert.Contains("\"email\": \"a+b@x.io\"", claims, StringComparison.Ordinal);
        Assert.Contains("\"n\": 1", claims, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeClaims_RejectsAPayloadThatIsNotJson()
    {
        var ex = Assert.Throws<FormatException>(() => TokenResponseFormatter.DecodeClaims($"{B64("{}")}.{B64("not json")}.sig"));

        Assert.Equal("the payload is not JSON", ex.Message);
    }
}
