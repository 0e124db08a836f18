using AspireAuth.Mesh.Evaluation;
using AspireAuth.Mesh.Loading;
using AspireAuth.Mesh.Model;
using AspireAuth.Mesh.Workloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AspireAuth.ServiceDefaults.Mesh;

/// <summary>
/// The compiled mesh configuration in force. Loaded on start (invalid configuration stops startup), watched, and
/// reloaded when a file changes: a valid edit is swapped in atomically (requests in flight keep the snapshot they
/// started with); an invalid edit is logged with its file, document and field, and the last good snapshot stays.
/// </summary>
public sealed class MeshConfigurationStore : IDisposable
{
    private readonly MeshOptions _options;
    private readonly ILogger<MeshConfigurationStore> _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _reloadLock = new();
    private Timer? _debounce;
    private volatile MeshSnapshot _snapshot;
    private long _version;

    public MeshConfigurationStore(IOptions<MeshOptions> options, ILogger<MeshConfigurationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        Catalog = string.IsNullOrEmpty(_options.WorkloadsFile) ? WorkloadCatalog.Empty : WorkloadCatalog.Load(_options.WorkloadsFile);
        _snapshot = Load();
        Watch();
    }

    /// <summary>The snapshot in force.</summary>
    public MeshSnapshot Current => _snapshot;

    /// <summary>Incremented on every successful load.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The number of reloads rejected since start.</summary>
    public int RejectedReloads { get; private set; }

    /// <summary>The last rejection's errors, for diagnostics.</summary>
    public IReadOnlyList<ConfigError> LastErrors { get; private set; } = [];

    public WorkloadCatalog Catalog { get; }

    /// <summary>Reloads now; returns false (keeping the current snapshot) when the files are invalid.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                _snapshot = Load();
                LastErrors = [];
                return true;
            }
            catch (ConfigValidationException ex)
            {
                RejectedReloads++;
                LastErrors = ex.Errors;
                _logger.ConfigRejected(Version, string.Join('\n', ex.Errors));
                return false;
            }
            catch (IOException ex)
            {
                RejectedReloads++;
                LastErrors = [new ConfigError(string.Join(';', _options.ConfigPaths), "-", string.Empty, null, ex.Message)];
                _logger.ConfigRejected(Version, ex.Message);
                return false;
            }
        }
    }

    /// <summary>The workload this process is, from options or the declaration named by <paramref name="defaultName"/>.</summary>
    public Workload ResolveWorkload(string defaultName)
    {
        var declared = Catalog.Find(_options.Workload ?? defaultName);
        var ns = _options.Namespace ?? declared?.Namespace ?? "default";
        var labels = _options.Labels.Count > 0
            ? (IReadOnlyDictionary<string, string>)_options.Labels
            : declared?.Labels ?? new Dictionary<string, string> { ["app"] = defaultName };
        return new Workload(ns, labels);
    }

    public void Dispose()
    {
        _debounce?.Dispose();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private MeshSnapshot Load()
    {
        var configuration = MeshConfigLoader.Load(_options.ConfigPaths, _options.Variables);
        var snapshot = new MeshSnapshot(configuration);
        var version = Interlocked.Increment(ref _version);
        _logger.ConfigLoaded(string.Join(';', _options.ConfigPaths), configuration.AuthorizationPolicies.Count,
            configuration.RequestAuthentications.Count, configuration.VirtualServices.Count, version);
        return snapshot;
    }

    private void Watch()
    {
        foreach (var path in _options.ConfigPaths)
        {
            var full = Path.GetFullPath(path);
            var isDirectory = Directory.Exists(full);
            var watcher = new FileSystemWatcher(isDirectory ? full : Path.GetDirectoryName(full)!)
            {
                IncludeSubdirectories = isDirectory,
                Filter = isDirectory ? "*" : Path.GetFileName(full),
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnChanged;
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        // Editors write in several steps: reload once the files settle.
        var timer = new Timer(_ => Reload(), null, _options.ReloadDelay, Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref _debounce, timer)?.Dispose();
    }
}
