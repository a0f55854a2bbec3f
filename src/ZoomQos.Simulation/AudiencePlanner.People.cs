using System.Globalization;

namespace ZoomQos.Simulation;

/// <summary>The people of a plan: names, devices, places and networks drawn from the plan's seed.</summary>
internal sealed partial class AudiencePlanner
{
    private static readonly string[] FirstNames =
    [
        "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Tim", "Radia",
        "Edsger", "Hedy", "John", "Shafi", "Donald", "Adele", "Leslie", "Anita", "Niklaus", "Sophie", "Vint", "Mary",
    ];

    private static readonly string[] LastNames =
    [
        "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Berners-Lee",
        "Perlman", "Dijkstra", "Lamarr", "McCarthy", "Goldwasser", "Knuth", "Goldberg", "Lamport", "Borg", "Wirth", "Wilson", "Cerf", "Keller",
    ];

    // Location, the data centre Zoom would route it to, and a baseline one-way latency to it.
    private static readonly (string Location, string DataCenter, double Latency)[] Places =
    [
        ("San Jose (US)", "United States (SC Top)", 18), ("New York (US)", "United States (NY)", 22), ("Chicago (US)", "United States (SC Top)", 45),
        ("Toronto (CA)", "United States (NY)", 35), ("London (GB)", "Germany (DE)", 30), ("Frankfurt (DE)", "Germany (DE)", 15),
        ("Paris (FR)", "Germany (DE)", 28), ("Amsterdam (NL)", "Netherlands (AM)", 16), ("Bengaluru (IN)", "India (MB)", 40),
        ("Tokyo (JP)", "Japan (TY)", 20), ("Singapore (SG)", "Singapore (SG)", 18), ("São Paulo (BR)", "Brazil (SP)", 30),
    ];

    private static readonly (string Device, string Client, string Os, string OsVersion, int Weight)[] Devices =
    [
        ("Windows", "Windows", "Windows", "11 Pro", 42), ("Mac", "Mac", "Mac", "14.6.1", 24), ("iOS", "iOS", "iOS", "17.6", 10),
        ("Android", "Android", "Android", "14", 12), ("", "Web", "Windows", "10", 7), ("Phone", "Phone", "", "", 3), ("H.323/SIP", "H.323/SIP", "", "", 2),
    ];

    private static readonly string[] Versions = ["6.4.3.61286", "6.3.11.60501", "6.2.5.56000", "5.17.11.34827"];
    private static readonly string[] ConnectionTypes = ["UDP", "UDP", "UDP", "UDP", "UDP", "UDP", "UDP", "TCP", "SSL", "SSL+Proxy"];

    private Person NewPerson(bool panelist, bool presenter)
    {
        var first = FirstNames[_random.Next(FirstNames.Length)];
        var last = LastNames[_random.Next(LastNames.Length)];
        var n = _random.Next(10_000);
        var device = panelist ? Devices[_random.Next(2)] : Weighted(Devices, d => d.Weight);
        var place = Places[_random.Next(Places.Length)];
        var external = !panelist && _random.Next(100) < 6;
        var mobile = device.Device is "iOS" or "Android";
        var network = device.Device switch
        {
            "Phone" => "PPP",
            "H.323/SIP" => "Wired",
            _ when mobile => _random.Next(10) < 6 ? "Wifi" : "Cellular",
            _ => _random.Next(100) switch { < 38 => "Wired", < 95 => "Wifi", _ => "Others" },
        };
        var pc = string.Create(CultureInfo.InvariantCulture, $"{first.ToUpperInvariant()}-{(mobile ? "PHONE" : "PC")}{n % 100:00}");
        return new Person
        {
            IsPanelist = panelist,
            IsPresenter = presenter,
            ZoomUserId = panelist || _random.Next(3) == 0 ? Base64Id(22) : string.Empty,
            Name = external ? string.Empty : $"{first} {last}",
            Email = external ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{n}@example.com"),
            Device = device.Device,
            Client = device.Client,
            Os = device.Os,
            OsVersion = device.OsVersion,
            Version = device.Device is "Phone" or "H.323/SIP" ? string.Empty : Versions[_random.Next(Versions.Length)],
            BrowserName = device.Device == "" ? "Chrome" : string.Empty,
            BrowserVersion = device.Device == "" ? "131.0.6778.86" : string.Empty,
            DeviceName = device.Device is "Phone" ? string.Empty : pc,
            IpAddress = external ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{(_random.Next(3) switch { 0 => "192.0.2", 1 => "198.51.100", _ => "203.0.113" })}.{_random.Next(1, 255)}"),
            InternalIp = string.Create(CultureInfo.InvariantCulture, $"10.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}"),
            Location = external ? string.Empty : place.Location,
            DataCenter = place.DataCenter,
            NetworkType = network,
            ConnectionType = ConnectionTypes[_random.Next(ConnectionTypes.Length)],
            PcName = pc,
            Domain = external ? string.Empty : "corp.example.com",
            MacAddr = external ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"00-1A-{_random.Next(256):X2}-{_random.Next(256):X2}-{_random.Next(256):X2}-{_random.Next(256):X2}"),
            HarddiskId = external || mobile ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"WD-WX{_random.Next(100_000_000):D8}"),
            External = external,
            BaseLatency = place.Latency + (network == "Cellular" ? 35 : network == "Wifi" ? 8 : 0) + _random.Next(25),
            BaseJitter = 1 + _random.Next(network == "Wired" ? 4 : 9),
            BaseLoss = _random.Next(5) * 0.05,
            BaseRssi = -42 - _random.Next(22),
            BaseCpu = 25 + _random.Next(30),
        };
    }

    private T Weighted<T>(T[] items, Func<T, int> weight)
    {
        var roll = _random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private string Base64Id(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, _random, (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        });
    }

    private string NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString("D").ToUpperInvariant();
    }
}
