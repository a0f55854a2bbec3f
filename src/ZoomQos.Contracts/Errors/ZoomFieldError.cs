namespace ZoomQos.Contracts.Errors;

/// <summary>One field of a validation failure: <c>{"field":"page_size","message":"Invalid field."}</c>.</summary>
/// <param name="Field">The query parameter or property.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ZoomFieldError(string Field, string Message);
