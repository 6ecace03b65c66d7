using OpenDownloads.Counting.Readers.Avro;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

public sealed class TruncatedIntegerTests
{
    public static TheoryData<double, string> Values => new()
    {
        { 0.0, "0" }, // zero has no sign or fraction to drop
        { 3.0, "3" }, // a whole float loses its ".0" as int() does
        { 3.99, "3" }, // truncates, never rounds
        { -3.99, "-3" }, // toward zero for negatives too
        { -0.0, "0" }, // int(-0.0) is 0
        { 7010501.0, "7010501" }, // a typical range end stored as a float
        { 9.3e18, "9300000000000000000" }, // beyond long: every digit, no exponent
        { double.PositiveInfinity, "Infinity" }, // int() refuses it; cleaning reports it
        { double.NaN, "NaN" }, // likewise refused by int()
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Format_Value_WritesWhatIntWouldGive(double value, string expected)
    {
        Assert.Equal(expected, TruncatedInteger.Format(value));
    }
}
