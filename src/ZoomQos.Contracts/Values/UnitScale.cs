namespace ZoomQos.Contracts.Values;

/// <summary>A unit suffix Zoom writes after a number, and the factor that turns it into the type's base unit.</summary>
/// <param name="Suffix">The unit text, compared without regard to case; empty for a bare number.</param>
/// <param name="Factor">What one of this unit is in the base unit.</param>
internal readonly record struct UnitScale(string Suffix, double Factor);
