using System.IO.Compression;
using GameDrift.Metrics;

namespace GameDrift.Tests.Metrics;

public sealed class NpzTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gamedrift-npz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void StatisticsRoundTrip(bool compress)
    {
        var rng = new Random(14);
        var stats = new FeatureStatistics(TestMatrices.Gaussian(rng, 5), TestMatrices.RandomCovariance(rng, 5));
        string path = Path.Combine(_dir, "stats.npz");
        Npz.WriteStatistics(path, stats, compress);
        FeatureStatistics back = Npz.ReadStatistics(path);
        Assert.Equal(stats.Mean, back.Mean);
        Assert.Equal(stats.Covariance, back.Covariance);

        using ZipArchive zip = ZipFile.OpenRead(path);
        Assert.Equal(["mu.npy", "sigma.npy"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void ReadsNumpyCompressedAndStoredArchives()
    {
        // clean-fid/TTUR layout: float32 mu, float64 sigma, deflated; the stored twin holds the same values.
        FeatureStatistics compressed = Npz.ReadStatistics(Fixtures.PathOf("stats_compressed.npz"));
        FeatureStatistics stored = Npz.ReadStatistics(Fixtures.PathOf("stats_stored.npz"));
        Assert.Equal(4, compressed.Dimension);
        Assert.Equal(stored.Mean, compressed.Mean);
        Assert.Equal(stored.Covariance, compressed.Covariance);
        Assert.Equal(NpyDtype.Float32, Npz.ReadArray(Fixtures.PathOf("stats_compressed.npz"), "mu").Dtype);
        Assert.All(compressed.Mean, v => Assert.Equal((double)(float)v, v));
    }

    [Fact]
    public void MissingKeyNamesKeyAndFile()
    {
        string path = Path.Combine(_dir, "only_mu.npz");
        Npz.Write(path, new Dictionary<string, NpyArray> { ["mu"] = new([1, 2], [2]) });
        var e = Assert.Throws<NpyFormatException>(() => Npz.ReadStatistics(path));
        Assert.Contains("'sigma'", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Contains("'mu'", e.Message);
    }

    [Fact]
    public void MismatchedShapesAreRejected()
    {
        string path = Path.Combine(_dir, "bad.npz");
        Npz.Write(path, new Dictionary<string, NpyArray>
        {
            ["mu"] = new([1, 2, 3], [3]),
            ["sigma"] = new([1, 0, 0, 1], [2, 2]),
        });
        var e = Assert.Throws<NpyFormatException>(() => Npz.ReadStatistics(path));
        Assert.Contains("'sigma' must be 3x3", e.Message);
    }

    [Fact]
    public void NonZipAndUnsupportedMemberAreReportedWithTheFile()
    {
        string notZip = Path.Combine(_dir, "plain.npz");
        File.WriteAllText(notZip, "definitely not a zip archive");
        Assert.Contains(notZip, Assert.Throws<NpyFormatException>(() => Npz.Read(notZip)).Message);

        string bigEndian = Path.Combine(_dir, "big_endian.npz");
        using (var zip = ZipFile.Open(bigEndian, ZipArchiveMode.Create))
        using (var w = new BinaryWriter(zip.CreateEntry("sigma.npy").Open()))
        {
            byte[] header = System.Text.Encoding.ASCII.GetBytes("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }\n");
            w.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
            w.Write((ushort)header.Length);
            w.Write(header);
            w.Write(new byte[8]);
        }
        var e = Assert.Throws<NpyFormatException>(() => Npz.ReadArray(bigEndian, "sigma"));
        Assert.Contains(bigEndian, e.Message);
        Assert.Contains("'sigma'", e.Message);
        Assert.Contains("'>f8'", e.Message);
    }
}
