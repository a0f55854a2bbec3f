namespace ZoomQos.Client.Paging;

/// <summary>One participant session as the API sent it: the JSON object's UTF-8 bytes, unparsed, and its <c>user_id</c>.</summary>
/// <param name="UserId">The session's <c>user_id</c>, or <see langword="null"/> when the object has none (or not as a string).</param>
/// <param name="Utf8">The object, from its <c>{</c> to its <c>}</c>, exactly as in the page.</param>
public sealed record ParticipantJson(string? UserId, ReadOnlyMemory<byte> Utf8);
