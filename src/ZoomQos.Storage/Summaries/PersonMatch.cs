namespace ZoomQos.Storage.Summaries;

/// <summary>One person found by a search over the stored session results: who, and how much of the archive they are in.</summary>
/// <param name="Person">Their person key (email, or name where the email is blank).</param>
/// <param name="Name">A name they had.</param>
/// <param name="Email">An email they had (possibly blank).</param>
/// <param name="Sessions">Their sessions.</param>
/// <param name="Instances">The instances those are in.</param>
/// <param name="Webinars">The distinct webinar IDs.</param>
/// <param name="LastSeen">The start of the latest instance they were in.</param>
public sealed record PersonMatch(string Person, string Name, string Email, int Sessions, int Instances, int Webinars, DateTimeOffset LastSeen);
