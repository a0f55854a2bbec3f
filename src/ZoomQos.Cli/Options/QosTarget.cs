using System.CommandLine;
using ZoomQos.Contracts.Webinars;

namespace ZoomQos.Cli.Options;

/// <summary>What a command reads: a webinar (the positional ID, as before) or a meeting (<c>--meeting ID</c>).</summary>
/// <param name="Kind">Webinar or meeting.</param>
/// <param name="Id">The ID (its latest instance) or an instance UUID.</param>
internal readonly record struct QosTarget(QosEventKind Kind, string Id)
{
    /// <summary>How the target reads in messages and progress: <c>webinar 812…</c>, <c>meeting 852…</c>.</summary>
    public override string ToString() => $"{Kind.Noun()} {Id}";

    /// <summary>The same, for the start of a line or a title: <c>Webinar 812…</c>.</summary>
    public string Title => $"{Kind.Title()} {Id}";
}

/// <summary>The webinar ID argument and the <c>--meeting</c> option, bound once for fetch, report and watch; exactly one is given.</summary>
internal sealed class QosTargetOptions
{
    public QosTargetOptions(string webinarDescription)
    {
        Webinar = new Argument<string?>("webinarId") { Description = webinarDescription + " Or give --meeting instead.", Arity = ArgumentArity.ZeroOrOne };
        Meeting = new Option<string?>("--meeting") { Description = "A meeting instead of a webinar: its ID (its latest instance) or an instance UUID." };
    }

    public Argument<string?> Webinar { get; }

    public Option<string?> Meeting { get; }

    public void AddTo(Command command)
    {
        command.Arguments.Add(Webinar);
        command.Options.Add(Meeting);
    }

    public QosTarget Read(ParseResult parse) => (parse.GetValue(Webinar), parse.GetValue(Meeting)) switch
    {
        ({ Length: > 0 } webinar, null) => new QosTarget(QosEventKind.Webinar, webinar),
        (null, { Length: > 0 } meeting) => new QosTarget(QosEventKind.Meeting, meeting),
        (not null, not null) => throw new CliUsageException("give a webinar ID or --meeting ID, not both."),
        _ => throw new CliUsageException("give a webinar ID (or --meeting ID)."),
    };
}
