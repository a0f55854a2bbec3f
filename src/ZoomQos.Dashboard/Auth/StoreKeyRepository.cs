using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using ZoomQos.Storage;

namespace ZoomQos.Dashboard.Auth;

/// <summary>
/// ASP.NET Core Data Protection's key ring in the store, so that every node of one database protects and reads the same
/// session cookies, and a restart signs nobody out. Keys are written once and never changed (the key manager's rule).
/// </summary>
internal sealed class StoreKeyRepository(IQosStore store) : IXmlRepository
{
    // The key manager calls these synchronously, rarely (at start and when a key is created or the ring expires).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.ReadProtectionKeysAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.SaveProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
