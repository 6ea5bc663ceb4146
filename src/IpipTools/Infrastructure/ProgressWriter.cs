using System.Diagnostics;
using System.Management.Automation;

namespace IpipTools.Infrastructure;

/// <summary>
/// Write-Progress for one piece of long work: how much is done, of how much, and an estimate
/// of the seconds left (the time so far per unit of work, times the units left). Records are
/// written at most a few times a second, so that reporting costs the fast paths nothing, and
/// only from the pipeline thread (PowerShell refuses progress written from any other).
/// </summary>
internal sealed class ProgressWriter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastWritten = TimeSpan.MinValue;
    private bool _written;

    public ProgressWriter(Cmdlet cmdlet, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
    }

    /// <summary>
    /// Writes where the work stands, unless a record was written less than a moment ago. The
    /// first report is always written, so that work which starts slowly shows at once.
    /// </summary>
    public void Report(int done, int total, string status)
    {
        var now = _clock.Elapsed;
        if (_written && now - _lastWritten < Interval)
        {
            return;
        }

        var record = new ProgressRecord(_activityId, _activity, status)
        {
            PercentComplete = total <= 0 ? -1 : Math.Clamp(done * 100 / total, 0, 100),
            SecondsRemaining = done <= 0 || total <= 0 ? -1 : (int)Math.Ceiling(now.TotalSeconds / done * (total - done)),
        };
        _cmdlet.WriteProgress(record);
        _lastWritten = now;
        _written = true;
    }

    /// <summary>Ends the activity (the progress bar goes away), if anything was written for it.</summary>
    public void Complete()
    {
        if (_written)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed, PercentComplete = 100 });
            _written = false;
        }
    }
}
