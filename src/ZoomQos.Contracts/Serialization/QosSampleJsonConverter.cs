using System.Text.Json;
using ZoomQos.Contracts.Qos;
using ZoomQos.Contracts.Values;

namespace ZoomQos.Contracts.Serialization;

/// <summary>
/// Reads and writes <see cref="QosSample"/> by hand (see <see cref="WireObjectConverter{T}"/>): a page holds
/// hundreds of samples, each with up to 21 stream objects. Property names are found through a <see cref="Utf8NameTable"/>.
/// </summary>
internal sealed class QosSampleJsonConverter : WireObjectConverter<QosSample>
{
    public static readonly QosSampleJsonConverter Instance = new();

    private static readonly Utf8NameTable Names = new(
        "date_time", "audio_input", "audio_output", "video_input",
        "video_output", "as_input", "as_output", "cpu_usage",
        "wifi_rssi", "cpu_pressure_level", "audio_device_from_crc", "audio_device_to_crc",
        "audio_device_from_rwg", "audio_device_to_rwg", "video_device_from_crc", "video_device_to_crc",
        "video_device_from_rwg", "video_device_to_rwg", "as_device_from_crc", "as_device_to_crc",
        "as_device_from_rwg", "as_device_to_rwg");

    protected override QosSample ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        ZoomTimestamp dateTime = default;
        AudioQos? audioInput = null;
        AudioQos? audioOutput = null;
        AudioQos? audioDeviceFromCrc = null;
        AudioQos? audioDeviceToCrc = null;
        AudioQos? audioDeviceFromRwg = null;
        AudioQos? audioDeviceToRwg = null;
        VideoQos? videoInput = null;
        VideoQos? videoOutput = null;
        VideoQos? videoDeviceFromCrc = null;
        VideoQos? videoDeviceToCrc = null;
        VideoQos? videoDeviceFromRwg = null;
        VideoQos? videoDeviceToRwg = null;
        VideoQos? asInput = null;
        VideoQos? asOutput = null;
        VideoQos? asDeviceFromCrc = null;
        VideoQos? asDeviceToCrc = null;
        VideoQos? asDeviceFromRwg = null;
        VideoQos? asDeviceToRwg = null;
        CpuUsage? cpuUsage = null;
        CpuPressureLevel? cpuPressureLevel = null;
        WifiRssi? wifiRssi = null;
        Dictionary<string, JsonElement>? unknown = null;
        var expected = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            switch (Names.IndexOf(ref reader, ref expected))
            {
                case 0:
                    dateTime = WireReader.Value<ZoomTimestamp>(ref reader);
                    break;
                case 1:
                    audioInput = WireReader.Object(ref reader, "audio_input", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 2:
                    audioOutput = WireReader.Object(ref reader, "audio_output", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 3:
                    videoInput = WireReader.Object(ref reader, "video_input", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 4:
                    videoOutput = WireReader.Object(ref reader, "video_output", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 5:
                    asInput = WireReader.Object(ref reader, "as_input", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 6:
                    asOutput = WireReader.Object(ref reader, "as_output", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 7:
                    cpuUsage = WireReader.Object(ref reader, "cpu_usage", CpuUsageJsonConverter.Instance, options, ref unknown);
                    break;
                case 8:
                    wifiRssi = WireReader.Object(ref reader, "wifi_rssi", WifiRssiJsonConverter.Instance, options, ref unknown);
                    break;
                case 9:
                    cpuPressureLevel = WireReader.Object(ref reader, "cpu_pressure_level", CpuPressureLevelJsonConverter.Instance, options, ref unknown);
                    break;
                case 10:
                    audioDeviceFromCrc = WireReader.Object(ref reader, "audio_device_from_crc", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 11:
                    audioDeviceToCrc = WireReader.Object(ref reader, "audio_device_to_crc", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 12:
                    audioDeviceFromRwg = WireReader.Object(ref reader, "audio_device_from_rwg", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 13:
                    audioDeviceToRwg = WireReader.Object(ref reader, "audio_device_to_rwg", AudioQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 14:
                    videoDeviceFromCrc = WireReader.Object(ref reader, "video_device_from_crc", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 15:
                    videoDeviceToCrc = WireReader.Object(ref reader, "video_device_to_crc", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 16:
                    videoDeviceFromRwg = WireReader.Object(ref reader, "video_device_from_rwg", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 17:
                    videoDeviceToRwg = WireReader.Object(ref reader, "video_device_to_rwg", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 18:
                    asDeviceFromCrc = WireReader.Object(ref reader, "as_device_from_crc", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 19:
                    asDeviceToCrc = WireReader.Object(ref reader, "as_device_to_crc", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 20:
                    asDeviceFromRwg = WireReader.Object(ref reader, "as_device_from_rwg", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                case 21:
                    asDeviceToRwg = WireReader.Object(ref reader, "as_device_to_rwg", VideoQosJsonConverter.Instance, options, ref unknown);
                    break;
                default:
                    unknown = WireReader.Unknown(ref reader, unknown);
                    break;
            }
        }

        return new QosSample
        {
            DateTime = dateTime,
            AudioInput = audioInput,
            AudioOutput = audioOutput,
            AudioDeviceFromCrc = audioDeviceFromCrc,
            AudioDeviceToCrc = audioDeviceToCrc,
            AudioDeviceFromRwg = audioDeviceFromRwg,
            AudioDeviceToRwg = audioDeviceToRwg,
            VideoInput = videoInput,
            VideoOutput = videoOutput,
            VideoDeviceFromCrc = videoDeviceFromCrc,
            VideoDeviceToCrc = videoDeviceToCrc,
            VideoDeviceFromRwg = videoDeviceFromRwg,
            VideoDeviceToRwg = videoDeviceToRwg,
            AsInput = asInput,
            AsOutput = asOutput,
            AsDeviceFromCrc = asDeviceFromCrc,
            AsDeviceToCrc = asDeviceToCrc,
            AsDeviceFromRwg = asDeviceFromRwg,
            AsDeviceToRwg = asDeviceToRwg,
            CpuUsage = cpuUsage,
            CpuPressureLevel = cpuPressureLevel,
            WifiRssi = wifiRssi,
            ExtensionData = unknown,
        };
    }

    protected override void WriteProperties(Utf8JsonWriter writer, QosSample value, JsonSerializerOptions options)
    {
        WireWriter.Value(writer, "date_time"u8, value.DateTime);
        WireWriter.Object(writer, "audio_input"u8, value.AudioInput, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "audio_output"u8, value.AudioOutput, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "audio_device_from_crc"u8, value.AudioDeviceFromCrc, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "audio_device_to_crc"u8, value.AudioDeviceToCrc, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "audio_device_from_rwg"u8, value.AudioDeviceFromRwg, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "audio_device_to_rwg"u8, value.AudioDeviceToRwg, AudioQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_input"u8, value.VideoInput, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_output"u8, value.VideoOutput, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_device_from_crc"u8, value.VideoDeviceFromCrc, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_device_to_crc"u8, value.VideoDeviceToCrc, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_device_from_rwg"u8, value.VideoDeviceFromRwg, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "video_device_to_rwg"u8, value.VideoDeviceToRwg, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_input"u8, value.AsInput, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_output"u8, value.AsOutput, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_device_from_crc"u8, value.AsDeviceFromCrc, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_device_to_crc"u8, value.AsDeviceToCrc, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_device_from_rwg"u8, value.AsDeviceFromRwg, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "as_device_to_rwg"u8, value.AsDeviceToRwg, VideoQosJsonConverter.Instance, options);
        WireWriter.Object(writer, "cpu_usage"u8, value.CpuUsage, CpuUsageJsonConverter.Instance, options);
        WireWriter.Object(writer, "cpu_pressure_level"u8, value.CpuPressureLevel, CpuPressureLevelJsonConverter.Instance, options);
        WireWriter.Object(writer, "wifi_rssi"u8, value.WifiRssi, WifiRssiJsonConverter.Instance, options);
        WireWriter.Unknown(writer, value.ExtensionData);
    }
}
