using System.Runtime.InteropServices;

namespace OpenDownloads.Counting;

/// <summary>
/// A download as the counter keeps it until it is written: its time, which orders it, and its listener group's
/// position, from which the rest is read when the download is made or a tie in time is broken; 12 bytes instead of a
/// <see cref="Download"/> and its strings (about 300).
/// </summary>
/// <param name="EarliestTicks">The UTC ticks of the group's earliest request.</param>
/// <param name="Group">The group's position in the counter's <see cref="Groups.ListenerGroupTable"/>.</param>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct DownloadRow(long EarliestTicks, int Group);
