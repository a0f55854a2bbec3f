namespace ZoomQos.Simulation;

/// <summary>
/// A person who comes back: the same name and email in every webinar whose spec lists them, so that trends and a
/// participant's history have someone to follow across webinars.
/// </summary>
/// <param name="Name">The display name.</param>
/// <param name="Email">The email, the person key across webinars.</param>
/// <param name="WeakWifi">Whether they always join from the same weak Wi-Fi (about -79 dBm, all session), a planted fault each time.</param>
public sealed record RegularAttendee(string Name, string Email, bool WeakWifi = false);
