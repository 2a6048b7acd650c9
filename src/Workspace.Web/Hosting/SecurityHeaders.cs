using System.Security.Cryptography;

namespace Workspace.Web.Hosting;

/// <summary>
/// Puts the Content Security Policy and the other protective headers on every response, error pages included
/// (they are set as the response starts, after an exception handler has cleared what was there).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "workspace.csp-nonce";

    // Scripts only from our own files, plus the one inline import map Blazor writes, which carries this request's
    // nonce; the same nonce admits the layout's style element that highlights the viewer's own mentions. 'self' in
    // connect-src also covers ws:/wss: to the same host and port (CSP Level 3), which the circuit's WebSocket needs.
    // style-src-attr: an avatar's colour is a style attribute, which Blazor applies with setAttribute. Images are
    // avatars, the logo and the favicon, all ours; a message never shows an image.
    private const string AppPolicy =
        "default-src 'self'; script-src 'self' 'nonce-{0}'; style-src 'self' 'nonce-{0}'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    private static readonly PathString ApiDocsPath = "/api/docs";

    // Swagger UI's bundle writes style elements of its own and draws its icons as data: SVGs.
    private const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // A response that wrote no nonce (an API call, a file, a redirect) admits no inline script or style at all.
    private static readonly string NoncelessPolicy = AppPolicy.Replace(" 'nonce-{0}'", "");

    /// <summary>
    /// The nonce that lets this request's page run its import map and apply its own style element, made when the page
    /// first asks for it: most requests are API calls and files that never do, and drawing 16 random bytes from the
    /// operating system's generator for each of them was 2 % of an API post's CPU (docs/benchmarks.md).
    /// </summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string made)
            return made;
        if (context.Response.HasStarted)
            throw new InvalidOperationException("A nonce asked for after the response started is not in its Content-Security-Policy.");
        // Hex rather than base64, whose '+' Razor writes as a character reference: the same nonce to a browser, but
        // not the same text in the page as in the header.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsPolicy
                : context.Items[NonceKey] is string nonce ? string.Format(AppPolicy, nonce)
                : NoncelessPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
