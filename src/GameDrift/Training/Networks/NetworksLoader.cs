using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using GameDrift.Metrics.Extractors;

namespace GameDrift.Training.Networks;

/// <summary>
/// Loads a config's <c>networks:</c> — a built assembly, or a project that is built on demand with <c>dotnet build</c>
/// into <c>&lt;cache&gt;/networks/&lt;project&gt;-&lt;hash&gt;/</c>, the hash covering the project folder's sources and this
/// GameDrift build, so an unchanged project is built once (and once only when several sweep workers start together) —
/// and runs its <see cref="IGameRegistration"/> classes.
/// </summary>
public static class NetworksLoader
{
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads and registers the networks at <paramref name="path"/> (.csproj or .dll) once per process.</summary>
    public static Assembly Load(string path, Action<string>? log = null)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"config key 'networks': {full} not found (give a .csproj to build or a built .dll)", full);
        var dll = Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".csproj" => Build(full, log),
            ".dll" => full,
            _ => throw new ArgumentException($"config key 'networks': {full} is neither a .csproj nor a .dll"),
        };
        return Loaded.GetOrAdd(dll, LoadAndRegister);
    }

    private static Assembly LoadAndRegister(string dll)
    {
        var folder = Path.GetDirectoryName(dll)!;
        // Libraries the networks bring along resolve from their own build folder; GameDrift itself is the one loaded.
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        Assembly assembly;
        try { assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll); }
        catch (BadImageFormatException e) { throw new ArgumentException($"config key 'networks': {dll} is not a .NET assembly ({e.Message})"); }
        var registrations = assembly.GetExportedTypes()
            .Where(t => typeof(IGameRegistration).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        if (registrations.Count == 0)
            throw new ArgumentException($"config key 'networks': {dll} has no public class implementing {nameof(IGameRegistration)}, so it registers no game");
        foreach (var t in registrations)
        {
            if (t.GetConstructor(Type.EmptyTypes) is null) throw new ArgumentException($"{t.FullName} ({dll}) needs a public parameterless constructor");
            try { ((IGameRegistration)Activator.CreateInstance(t)!).Register(); }
            catch (TargetInvocationException e) { throw new ArgumentException($"{t.FullName}.Register() failed: {e.InnerException?.Message}", e); }
        }
        return assembly;
    }

    /// <summary>Builds the project into the cache unless a build of the same sources is there; returns its main assembly.</summary>
    private static string Build(string csproj, Action<string>? log)
    {
        var name = Path.GetFileNameWithoutExtension(csproj);
        var output = Path.Combine(GameDriftCache.Directory, "networks", $"{name}-{SourceHash(csproj)}");
        var dll = Path.Combine(output, name + ".dll");
        if (File.Exists(dll)) return dll;
        using var cacheLock = CacheLock.Acquire(output, () => log?.Invoke($"waiting for another process building {csproj}"));
        if (File.Exists(dll)) return dll;
        log?.Invoke($"building {csproj} (once; cached in {output})");
        var staging = output + ".building";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // No build servers: a compiler or MSBuild node started by this build would inherit its output pipes and keep
        // them open for its idle lifetime (10+ minutes), so reading the output to its end would wait for that server.
        foreach (var a in new[] { "build", csproj, "-c", "Release", "-o", staging, "-nologo", "-v", "q", "-clp:NoSummary",
                     "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:UseRazorBuildServer=false" }) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var text = stdout.Result + "\n" + stderr.Result;
        if (p.ExitCode != 0)
        {
            var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains(": error", StringComparison.Ordinal))
                        ?? text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
            throw new ArgumentException($"config key 'networks': {csproj} does not build (dotnet build exited with {p.ExitCode}): {first}");
        }
        if (!File.Exists(Path.Combine(staging, name + ".dll")))
            throw new ArgumentException($"config key 'networks': building {csproj} made no {name}.dll in {staging} (is AssemblyName changed?)");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.Move(staging, output);
        return dll;
    }

    /// <summary>Hash of the project folder's sources (.cs, .csproj, .props, .targets, .resx; bin/ and obj/ left out) and of the
    /// running GameDrift build, against which the project is compiled.</summary>
    private static string SourceHash(string csproj)
    {
        var root = Path.GetDirectoryName(csproj)!;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(typeof(NetworksLoader).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => !r.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .Where(r => Path.GetExtension(r) is ".cs" or ".csproj" or ".props" or ".targets" or ".resx")
            .Order(StringComparer.Ordinal);
        foreach (var rel in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(rel + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(root, rel)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
