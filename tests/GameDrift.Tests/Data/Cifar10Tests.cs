using GameDrift.Data;

namespace GameDrift.Tests.Data;

public class Cifar10Tests
{
    // Record r of a file: label (r + fileIndex) % 10; R plane = (r + y), G plane = x, B plane = 200 + r.
    private static byte[] MakeRecords(int count, int fileIndex)
    {
        var data = new byte[count * Cifar10.RecordBytes];
        for (int r = 0; r < count; r++)
        {
            var rec = data.AsSpan(r * Cifar10.RecordBytes, Cifar10.RecordBytes);
            rec[0] = (byte)((r + fileIndex) % 10);
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++)
                {
                    rec[1 + y * 32 + x] = (byte)(r + y + 10 * fileIndex);
                    rec[1 + 1024 + y * 32 + x] = (byte)x;
                    rec[1 + 2048 + y * 32 + x] = (byte)(200 + r);
                }
        }
        return data;
    }

    private static void WriteAll(string dir, int recordsPerFile)
    {
        Directory.CreateDirectory(dir);
        for (int i = 0; i < 5; i++)
            File.WriteAllBytes(Path.Combine(dir, Cifar10.TrainFiles[i]), MakeRecords(recordsPerFile, i));
        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), MakeRecords(recordsPerFile + 1, 7));
    }

    [Fact]
    public void Loads_train_split_with_pixels_in_CHW_and_labels()
    {
        using var tmp = new TempDirectory();
        WriteAll(tmp.Path, 3);
        var ds = Cifar10.Load(tmp.Path, train: true);

        Assert.Equal(15, ds.Count);
        Assert.Equal((3, 32, 32), (ds.Channels, ds.Height, ds.Width));
        for (int file = 0; file < 5; file++)
            for (int r = 0; r < 3; r++)
            {
                int n = file * 3 + r;
                Assert.Equal((r + file) % 10, ds.GetLabel(n));
                var img = ds.GetImage(n);
                Assert.Equal((byte)(r + 5 + 10 * file), img[0 * 1024 + 5 * 32 + 17]); // R at y=5
                Assert.Equal(17, img[1 * 1024 + 5 * 32 + 17]);                        // G at x=17
                Assert.Equal((byte)(200 + r), img[2 * 1024 + 31 * 32 + 31]);           // B
            }
        Assert.Equal("truck", ds.ClassNames[9]);
    }

    [Fact]
    public void Loads_test_split_from_nested_archive_folder()
    {
        using var tmp = new TempDirectory();
        WriteAll(tmp.Combine(Cifar10.ArchiveFolder), 2);
        var ds = Cifar10.Load(tmp.Path, train: false);
        Assert.Equal(3, ds.Count);
        Assert.Equal([7, 8, 9], ds.Labels.ToArray());
    }

    [Fact]
    public void Missing_directory_names_directory_and_expected_files()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gamedrift-no-such-dir-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<FileNotFoundException>(() => Cifar10.Load(dir));
        Assert.Contains(dir, e.Message);
        Assert.Contains("data_batch_1.bin", e.Message);
    }

    [Fact]
    public void Missing_file_names_the_file_and_directory()
    {
        using var tmp = new TempDirectory();
        WriteAll(tmp.Path, 1);
        File.Delete(tmp.Combine("data_batch_4.bin"));
        var e = Assert.Throws<FileNotFoundException>(() => Cifar10.Load(tmp.Path));
        Assert.Contains("data_batch_4.bin", e.Message);
        Assert.Contains(tmp.Path, e.Message);
        Assert.Equal(tmp.Combine("data_batch_4.bin"), e.FileName);
    }

    [Fact]
    public void Truncated_file_names_the_file_and_its_size()
    {
        using var tmp = new TempDirectory();
        WriteAll(tmp.Path, 2);
        var path = tmp.Combine("data_batch_2.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Load(tmp.Path));
        Assert.Contains(path, e.Message);
        Assert.Contains((2 * 3073 - 100).ToString(), e.Message);
    }

    [Fact]
    public void Label_out_of_range_is_rejected()
    {
        using var tmp = new TempDirectory();
        WriteAll(tmp.Path, 1);
        var path = tmp.Combine("test_batch.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[0] = 42;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Cifar10.Load(tmp.Path, train: false));
        Assert.Contains("label 42", e.Message);
    }
}
