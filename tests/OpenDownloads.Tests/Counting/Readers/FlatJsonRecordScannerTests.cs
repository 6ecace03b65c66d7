using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class FlatJsonRecordScannerTests
{
    private static readonly RecordLocation Location = new("test.log", 1, 1);

    public static TheoryData<string, bool, string> Lines => new()
    {
        { """{"ip":"1.2.3.4","user_agent":"UA","http_method":"GET"}""", true, "the usual flat object" },
        { """ { "ip" : "1.2.3.4" , "url" : "/e.mp3" } """, true, "spaces around every token" },
        { """{}""", true, "an empty object" },
        { """{"byte_range_start":0,"byte_range_end":-12.5e+3}""", true, "numbers keep their JSON text" },
        { """{"byte_range_start":true,"byte_range_end":false,"range":null}""", true, "literals" },
        { """{"timestamp":"2022-09-20T00:08:03\u002B00:00"}""", true, "an escaped plus sign in a time" },
        { """{"user_agent":"a\"b\\c\/d\n\t\u00e9\ud83d\ude00"}""", true, "every escape and a surrogate pair" },
        { """{"ip":"1.2.3.4","ip":"5.6.7.8"}""", true, "a repeated name: the last value wins" },
        { """{"unknown":"x","extra":12,"ip":"1.2.3.4"}""", true, "unknown names are skipped" },
        { """{"user_agent":"Ünïcödé ☃"}""", true, "UTF-8 text" },
        { """{"ip":"1.2.3.4","nested":{"a":1}}""", false, "a nested object is left to the full reader" },
        { """{"ip":["1.2.3.4"]}""", false, "an array where a value is expected" },
        { """{"i\u0070":"1.2.3.4"}""", false, "an escaped name" },
        { "{\"ip\":\"1.2.3.4\",\t\"url\":\"/e\"}", false, "a tab" },
        { "{\"user_agent\":\"a\tb\"}", false, "a raw control character in a string" },
        { """{"ip":"1.2.3.4"} x""", false, "something after the closing brace" },
        { """{"ip":"1.2.3.4",}""", false, "a trailing comma" },
        { """{"ip":"1.2.3.4" """, false, "no closing brace" },
        { """{"byte_range_start":01}""", false, "a leading zero" },
        { """{"byte_range_start":1.}""", false, "a fraction without digits" },
        { """{"byte_range_start":+1}""", false, "a plus sign" },
        { """{"byte_range_start":1e}""", false, "an exponent without digits" },
        { """{"byte_range_start":tru}""", false, "a broken literal" },
        { """{"byte_range_start":truex}""", false, "a literal run on" },
        { """{"user_agent":"\ud800"}""", false, "a lone surrogate" },
        { """{"user_agent":"\x41"}""", false, "an unknown escape" },
        { """{"user_agent":"\u12"}""", false, "a short \\u escape" },
        { """{"ip":"1.2.3.4" /* c */}""", false, "a comment" },
        { """["1.2.3.4"]""", false, "not an object" },
        { """{"ip" "1.2.3.4"}""", false, "no colon" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void TryRead_Line_AcceptsOnlyTheUsualShapeAndReadsWhatTheFullReaderReads(
        string line,
        bool accepted,
        string reason)
    {
        var json = Encoding.UTF8.GetBytes(line);

        var cache = new RecordParseCache(FieldMapping.Default);

        var taken = FlatJsonRecordScanner.TryRead(json, new RawRecord(Location), cache);

        Assert.True(accepted == taken, reason);
        AssertSame(JsonRecordParser.Parse(json, Location, FieldMapping.Default), ParseWithCache(json));
    }

    [Fact]
    public void Parse_MutatedLines_GiveTheFullReadersRecordEveryTime()
    {
        // Lines broken at random places, with the characters that matter to JSON: the one-pass reader must decline
        // or agree, never read a broken line as something else.
        var random = new Random(20261204);
        string[] lines =
        [
            "{\"ip\":\"2a06:ca5d::76dd\",\"user_agent\":\"Campfire/4.0 (Build 1)\",\"referer\":\"\","
                + "\"http_method\":\"GET\",\"timestamp\":\"2026-11-03T05:03:56.511\\u002B00:00\","
                + "\"episode_id\":\"https://e/1.mp3\",\"byte_range_start\":0,\"byte_range_end\":null}",
            """{ "ipAddress": "1.2.3.4", "userAgent": "A \"q\" \\ B", "url": "/e.mp3", "x": true, "n": -1.5E-3 }""",
        ];
        const string Noise = "{}[]\":,\\ u0aeE.-+1tfn\t/";
        var cache = new RecordParseCache(FieldMapping.Default);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder(lines[i % lines.Length]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, 1);
                        break;
                    case 1:
                        text.Insert(at, Noise[random.Next(Noise.Length)]);
                        break;
                    default:
                        text[at] = Noise[random.Next(Noise.Length)];
                        break;
                }
            }

            var json = Encoding.UTF8.GetBytes(text.ToString());
            var expected = JsonRecordParser.Parse(json, Location, FieldMapping.Default);
            var actual = JsonRecordParser.Parse(json, Location, cache);
            Assert.True(
                Same(expected, actual),
                $"The line {text} reads differently: {Describe(expected)} against {Describe(actual)}.");
        }
    }

    [Fact]
    public void Parse_SameValueOnManyLines_GivesOneStringObject()
    {
        var cache = new RecordParseCache(FieldMapping.Default);
        var json = """{"user_agent":"AppleCoreMedia/1.0","timestamp":"2022-09-20T00:00:00Z"}"""u8.ToArray();

        var first = JsonRecordParser.Parse(json, Location, cache);
        var second = JsonRecordParser.Parse(json, Location, cache);

        Assert.Same(first[OdlField.UserAgent], second[OdlField.UserAgent]);
        Assert.Equal("2022-09-20T00:00:00Z", second[OdlField.Timestamp]);
    }

    private static RawRecord ParseWithCache(byte[] json) =>
        JsonRecordParser.Parse(json, Location, new RecordParseCache(FieldMapping.Default));

    private static bool Same(RawRecord expected, RawRecord actual) =>
        expected.ReadError == actual.ReadError
        && Enum.GetValues<OdlField>().All(field => expected[field] == actual[field]);

    private static string Describe(RawRecord record) =>
        record.ReadError ?? string.Join(", ", Enum.GetValues<OdlField>().Select(field => $"{field}={record[field]}"));

    private static void AssertSame(RawRecord expected, RawRecord actual)
    {
        Assert.Equal(expected.ReadError, actual.ReadError);
        foreach (var field in Enum.GetValues<OdlField>())
        {
            Assert.Equal(expected[field], actual[field]);
        }
    }
}
