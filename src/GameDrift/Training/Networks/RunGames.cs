namespace GameDrift.Training.Networks;

/// <summary>The game a config names, built in or the user's own: loads the config's <c>networks</c> first (once per
/// process), then looks the name up, with its players replaced by the config's TorchScript files if it names any
/// (<see cref="ScriptedNetworks"/>). Every command that builds networks from a config comes through here.</summary>
public static class RunGames
{
    public static GameDefinition Resolve(RunConfig config, Action<string>? log = null)
    {
        var networks = string.IsNullOrWhiteSpace(config.Networks) ? null : config.Networks;
        if (networks is not null) NetworksLoader.Load(networks, log);
        try { return ScriptedNetworks.Apply(config, GameFactory.Get(config.Game, config)); }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message + (networks is null
                ? "; for your own networks set config key 'networks' to their .csproj or .dll"
                : $"; {networks} registers none of that name"));
        }
    }
}
