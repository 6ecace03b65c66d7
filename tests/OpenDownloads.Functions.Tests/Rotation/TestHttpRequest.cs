using System.Security.Claims;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace OpenDownloads.Functions.Tests.Rotation;

/// <summary>An HTTP request as the worker hands it to a function: method, URL, headers and body.</summary>
internal sealed class TestHttpRequest : HttpRequestData
{
    public TestHttpRequest(
        FunctionContext context,
        string method,
        string url,
        string body,
        params (string Name, string Value)[] headers)
        : base(context)
    {
        Method = method;
        Url = new Uri(url);
        Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        foreach (var (name, value) in headers)
        {
            Headers.Add(name, value);
        }
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; } = [];

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; }

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new TestHttpResponse(FunctionContext);
}
