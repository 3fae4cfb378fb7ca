<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AtomicFile</name>
    <message>
        <source>cannot open directory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot sync directory %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sha256 digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob %1 has digest %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob %1 is not in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob %1 is %2 bytes, more than the %3 allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove blob %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1 [OPTIONS] COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage Docker managed plugins with Plugdesk, the way `docker plugin` does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store root (default $PLUGDESK_ROOT, else /var/lib/plugdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run root (default $PLUGDESK_RUN, else /run/plugdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;%1 COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1 %2 COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;%1 %2 COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [OPTIONS] COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugdesk version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag needs an argument: --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag --%1 needs a folder, not an empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 COMMAND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot; flag: expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown shorthand flag: &apos;%1&apos; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flag needs an argument: &apos;%1&apos; in -%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires exactly 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires exactly %2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least %2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts at most 1 argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts at most %2 arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage:  %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreatePlugin</name>
    <message>
        <source>invalid name: %1: a plugin name cannot carry a digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: context must be a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read: %2 (a plugin folder holds config.json and rootfs/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a v0 manifest cannot be pushed to a registry; write a v1 config.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such folder (a plugin folder holds config.json and rootfs/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a staging folder in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compressing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the rootfs into %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: not a JSON object (%2) — fix or remove the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credential helper %1 is configured in the docker config but is not installed (not on PATH) — install it or remove it from the config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run the credential helper %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credential helper %1 did not answer within %2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credential helper %1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credential helper docker-credential-%1 answered something that is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the login for %1 in %2: &quot;auth&quot; is not base64 of user:password — run plugdeskctl login %3 again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoJsonReader</name>
    <message>
        <source>field &quot;%1&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number from 0 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoTemplate</name>
    <message>
        <source>template parsing error: unclosed action in &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template: unsupported action {{%1}}: use {{.Field}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template: bad field path in {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template: executing {{%1}}: can&apos;t evaluate field %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperProtocol</name>
    <message>
        <source>the helper sent a plugin without an id, repository or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper sent a plugin config that does not parse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper sent plugin settings that do not parse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper sent a plugin list that is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper sent a plugin list that is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperVerbs</name>
    <message>
        <source>cannot publish the %1 job on the bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change plugin settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enable plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disable plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read plugin logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read plugin state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes arguments (%2), not (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is too long: %2 characters, at most %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; must not contain a NUL character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; has %2 entries, at most %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; must be an absolute path, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;privileges&quot; is not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade plugins</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallCommands</name>
    <message>
        <source>Install a plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local name for plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not enable the plugin on install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip image verification (deprecated; accepted for compatibility)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant all permissions necessary to run the plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade an existing plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not check if specified remote plugin matches existing plugin image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerExtractor</name>
    <message>
        <source>LayerExtractor::feed() called after the layer was finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extracting the layer was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LayerExtractor::finish() called after apply()</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LayerExtractor::apply() called on a used extractor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the layer: the device is not open for reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the layer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the layer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a hard link to &quot;%2&quot;, which would be outside the rootfs: the symbolic link &quot;%3&quot; leads out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would land outside the rootfs: the symbolic link &quot;%2&quot; leads out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; cannot be placed: too many levels of symbolic links at &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create layer entry &quot;%1&quot; as a hard link to &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create layer entry &quot;%1&quot; in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the rootfs %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: an entry has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; has a name of %2 bytes; the limit is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would land outside the rootfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; links to a name of %2 bytes; the limit is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a hard link to &quot;%2&quot;, which is outside the rootfs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: the symbolic link &quot;%1&quot; has no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; has a file type this extractor does not handle (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would replace the rootfs itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a whiteout for an invalid name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set the extended attribute %1 on layer entry &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerWriter</name>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start gzip compression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the layer %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot add %1 to the layer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginCommands</name>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: could not erase credentials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticate to a registry.
Defaults to Docker Hub if no server is specified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or Personal Access Token (PAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the Password or Personal Access Token (PAT) from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry.
If no server is specified, the default is Docker Hub.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Manifest</name>
    <message>
        <source>the manifest&apos;s %1 is not a valid descriptor (needs a sha256 digest and a size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest is not a JSON object (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest has schemaVersion %1; only schema 2 (Docker v2 and OCI) is supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the manifest has the unsupported media type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OciSpec</name>
    <message>
        <source>error gathering device information while adding device &quot;%1&quot;: no such file or directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error gathering device information while adding device &quot;%1&quot;: not a device node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mount source is not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device path is not specified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginCommands</name>
    <message>
        <source>List plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;enabled=true&quot;, &quot;capability=volumedriver&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output: &quot;table&quot;, &quot;json&quot;, or a template such as &apos;{{.ID}}\t{{.Name}}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only display plugin IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format output: &quot;json&quot; (the default), or a template such as &apos;{{.Config.Interface.Socket}}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change settings for a plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--timeout&quot; flag: strconv.ParseInt: parsing &quot;%1&quot;: invalid syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value &quot;%1&quot; for --tail: a number of lines or &quot;all&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted for compatibility with docker; Plugdesk reads the folder in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable a plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP client timeout (in seconds) (default 30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable a plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force the disable of an active plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the output of a plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the log (default &quot;all&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push a plugin to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted for compatibility with docker; ignored (default true)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force the removal of an active plugin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginConfig</name>
    <message>
        <source>plugin config is not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin config must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must have the form &lt;prefix&gt;.&lt;capability&gt;/&lt;version&gt;, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;interface.socket&quot; must be a plain file name, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;interface.protocolscheme&quot;: plugin protocol not supported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;network.type&quot; must be &quot;host&quot;, &quot;bridge&quot;, &quot;none&quot; or empty, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginFilter</name>
    <message>
        <source>bad format of filter &apos;%1&apos; (expected name=value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;enabled=%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;capability=&apos;: a capability name is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginHttpClient</name>
    <message>
        <source>cannot initialise libcurl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin&apos;s answer to %1 is larger than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin did not answer %1 on %2 within %3 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginInstaller</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin must be disabled before upgrading: plugin %1 is enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Pulling from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the plugin config of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin config of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot extract layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the rootfs into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the leftover %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot move the new rootfs into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the install stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>install plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a staging folder in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding %1 to the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1 was installed but could not be enabled: %2 — it stays installed and disabled; see plugdeskctl plugin logs %1, then plugdeskctl plugin enable %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginMonitor</name>
    <message>
        <source>flag needs an argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--run, --id and --runc are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid plugin id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin monitor %1 is missing or not executable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the plugin monitor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start the plugin monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped on request</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the plugin crashed %n time(s) within %1 s; not restarting it again</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PluginRunner</name>
    <message>
        <source>enable plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disable plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runc was not found; install the runc package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugdesk-monitor was not found; set PLUGDESK_MONITOR or reinstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin monitor for %1 did not start; see %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last log lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see: plugdeskctl plugin logs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enabling %1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1 failed to start: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the monitor of plugin %1 exited before the plugin was ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>plugin %1 did not accept connections on %2 within %n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>/Plugin.Activate answered %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1 is already enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot enable plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 to accept connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin is already disabled: plugin %1 found but disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot restore plugin %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PluginRuntimeState</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushPlugin</name>
    <message>
        <source>invalid name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1 has no layers to push: %2; a plugin from a hand-made store carries none. Make a pushable plugin with plugdeskctl plugin create NAME FOLDER (FOLDER holds config.json and rootfs/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot push plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store records no layer for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store records no config blob for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob %1 is not in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the push of %1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The push refers to repository [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reference</name>
    <message>
        <source>invalid reference format: empty reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid repository name (%1), cannot specify 64-byte hexadecimal strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: repository name (%1) must be lowercase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; has an unclosed &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; is not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; has characters after &apos;]&apos; that are not a port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; is not a valid host name: each part between dots must start and end with a letter or digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: port in domain &quot;%1&quot; must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty path component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: path component &quot;%1&quot; must start and end with a lowercase letter or digit, with only &apos;.&apos;, &apos;_&apos;, &apos;__&apos; or dashes between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty tag after &apos;:&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; must start with a letter, a digit or &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; must not be more than %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty digest after &apos;@&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; must be of the form algorithm:hex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest algorithm &quot;%1&quot; is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; is too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository name must not be more than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; uses an unsupported digest algorithm &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; has an invalid checksum digest length: %2 needs %3 hex digits, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; has an invalid checksum digest format: hex digits must be lowercase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryAuth</name>
    <message>
        <source>the registry login sent with the call is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistryClient</name>
    <message>
        <source>cannot %1: the registry sent %2 bytes, more than the %3 bytes allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry sent more than the %2 bytes allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry redirected without a usable Location (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> after %n tries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot %1: %2 did not answer within %3 seconds%4 — check the network, or that the registry is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: %2 closed the connection after %3 bytes%4 — try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the TLS handshake with %2 failed (%3) — if it uses its own CA, put it in /etc/docker/certs.d/%4/ca.crt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: cannot connect to %2 (%3)%4 — check that the registry is running and reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemotePrivileges</name>
    <message>
        <source>Read the privileges of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the privileges of %1 was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the plugin config of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemovePlugin</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a folder below it is still mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin %1 is enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove plugin %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove plugin %1: %2 is still mounted and cannot be unmounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove plugin %1: cannot rename %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuncRuntime</name>
    <message>
        <source>runc was not found; install the runc package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot prepare %1 in the plugin&apos;s rootfs: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin&apos;s rootfs %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot make %1 a shared mount: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runc state %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runc kill %1 %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runc delete %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runc list failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>multiple fields are settable, one must be specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin settings are not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin settings must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid format, must be &lt;name&gt;[.&lt;field&gt;][=&lt;value&gt;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not settable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin config has no mount source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin config has no device path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting %1 not found in the plugin configuration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SocketPublisher</name>
    <message>
        <source>cannot publish the socket as %1: it already points at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: a file of that name exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Spawn</name>
    <message>
        <source>no program to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: plugin &quot;%2&quot;: expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: plugin &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;Id&quot; must be lower-case hex, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot;: cannot use digest in plugin tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: field &quot;Manifest&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: field &quot;Manifest&quot; must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no config: neither %2/%3, %2/%4 nor a &quot;Manifest&quot; field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: field &quot;Config&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the staging leftover %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove the leftover %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin name or id must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multiple plugins found for &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreLock</name>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: cannot open the store %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: cannot lock the store %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the store %2 is busy: %3 is changing it; try again when it has finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>the token server %1 answered something that is not a JSON object (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token server %1 answered without a token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::HelperEngine</name>
    <message>
        <source>plugdesk-helper on the system bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugdesk-helper on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bus refused the call to the Plugdesk helper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Plugdesk helper did not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Plugdesk helper failed: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the bus of the Plugdesk helper (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system bus</source>
        <translation>dem Systembus</translation>
    </message>
    <message>
        <source>the Plugdesk helper sent no reply to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Plugdesk helper sent a plugin that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation type="unfinished">%1 deaktivieren? {1?}</translation>
    </message>
    <message>
        <source>following a log (-f) needs read access to the plugin&apos;s log file, which the helper keeps under its run root; run plugdeskctl as root to follow it, or read it again without -f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper answered PluginRuntimeState with something that is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::HelperService</name>
    <message>
        <source>not connected to the bus: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export %1 on the bus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot own the bus name %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot own the bus name %1: another plugdesk-helper already serves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no method &quot;%1&quot; in interface %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::JobObject</name>
    <message>
        <source>the job went away before it finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not authorized to cancel this job: only the caller that started it, or root, may cancel it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::LocalEngine</name>
    <message>
        <source>recover the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change the settings of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set on an active plugin, disable plugin before setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation type="unfinished">%1 deaktivieren? {1?}</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::PolkitAuthority</name>
    <message>
        <source>not authorized to %1 (%2): polkit failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): authentication is required, and no polkit agent answered; run it from a desktop session, or with pkexec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not authorized to %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): polkit is not running, so only root may do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell who is calling (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::RegistryClient</name>
    <message>
        <source>cannot %1: the registry&apos;s token server &quot;%2&quot; is not an http(s) URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry requires a login (%2) — run plugdeskctl login %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry refused the login for %2 (%3) — check that the repository exists and that this login may use it, or run plugdeskctl login %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: %2 was not found in the registry (%3) — check the name and the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>cannot %1: the registry answered %2 after %n tries — try again later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot %1: the registry answered %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reach the registry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: %2 does not speak the registry API v2 (404 on /v2/)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch the manifest of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry sent a manifest whose digest is %2, not %3 — the registry or something between is corrupting data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the manifest&apos;s digest is %2 but the registry announced %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: a manifest list points at another list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: it has no manifest for %2/%3 (it has: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetch blob %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry sent more than the %2 bytes the manifest gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry sent %2 bytes, the manifest gives %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: its content has digest %2, not %3 — the registry or something between is corrupting data; nothing was kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot fetch the config of %1: its manifest gives %2 bytes, more than the %3 allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check blob %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upload blob %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry started an upload without a Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push the manifest of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot %1: the registry filed it as %2, but its bytes hash to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the tags of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core::RemoteJob</name>
    <message>
        <source>the Plugdesk helper left the bus before the job finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the job %1 from the helper: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage Docker managed plugins.</source>
        <translation>Verwaltete Docker-Plugins verwalten.</translation>
    </message>
    <message>
        <source>Store root (default $PLUGDESK_ROOT, else /var/lib/plugdesk).</source>
        <translation>Wurzel des Speichers (Vorgabe $PLUGDESK_ROOT, sonst /var/lib/plugdesk).</translation>
    </message>
    <message>
        <source>Run root (default $PLUGDESK_RUN, else /run/plugdesk).</source>
        <translation>Laufzeitverzeichnis (Vorgabe $PLUGDESK_RUN, sonst /run/plugdesk).</translation>
    </message>
    <message>
        <source>The privileged Plugdesk helper: serves org.plugdesk.Helper1 on the system bus and asks polkit about every call.</source>
        <translation>Der privilegierte Plugdesk-Helfer: stellt org.plugdesk.Helper1 auf dem Systembus bereit und fragt polkit bei jedem Aufruf.</translation>
    </message>
    <message>
        <source>Serve the bus at this address instead of the system bus (for tests).</source>
        <translation>Den Bus unter dieser Adresse statt des Systembusses bedienen (für Tests).</translation>
    </message>
    <message>
        <source>Exit after this many seconds without calls or running jobs; 0 never (default 60).</source>
        <translation>Nach so vielen Sekunden ohne Aufrufe oder laufende Aufträge beenden; 0 nie (Vorgabe 60).</translation>
    </message>
    <message>
        <source>--idle-timeout needs a number of seconds, not &quot;%1&quot;</source>
        <translation>--idle-timeout braucht eine Anzahl Sekunden, nicht „%1“</translation>
    </message>
    <message>
        <source>must run as root to serve %1 on the system bus (it is started by D-Bus activation); use --bus ADDRESS to serve a private bus instead</source>
        <translation>muss als root laufen, um %1 auf dem Systembus bereitzustellen (er wird durch D-Bus-Aktivierung gestartet); mit --bus ADRESSE stattdessen einen privaten Bus bedienen</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>the system bus</source>
        <translation>dem Systembus</translation>
    </message>
    <message>
        <source>Do not start the enabled plugins at start (to look at a store, or in tests of the bus itself).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plugdesk-helper: restoring plugins: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::CreatePluginDialog</name>
    <message>
        <source>Create Plugin from Folder</source>
        <translation>Plugin aus Ordner erstellen</translation>
    </message>
    <message>
        <source>Makes a disabled plugin from a folder that holds &lt;tt&gt;config.json&lt;/tt&gt; and the plugin&apos;s &lt;tt&gt;rootfs/&lt;/tt&gt;, as &lt;tt&gt;docker plugin create&lt;/tt&gt; does.</source>
        <translation>Erstellt ein deaktiviertes Plugin aus einem Ordner mit &lt;tt&gt;config.json&lt;/tt&gt; und dem &lt;tt&gt;rootfs/&lt;/tt&gt; des Plugins, wie es &lt;tt&gt;docker plugin create&lt;/tt&gt; tut.</translation>
    </message>
    <message>
        <source>Plugin folder</source>
        <translation>Plugin-Ordner</translation>
    </message>
    <message>
        <source>/path/to/plugin</source>
        <translation>/pfad/zum/plugin</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Plugin name</source>
        <translation>Plugin-Name</translation>
    </message>
    <message>
        <source>e.g. acme/myplugin:latest</source>
        <translation>z. B. acme/meinplugin:latest</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Enter a name for the plugin.</source>
        <translation>Geben Sie einen Namen für das Plugin ein.</translation>
    </message>
    <message>
        <source>A plugin name cannot have a digest; give a tag instead.</source>
        <translation>Ein Plugin-Name darf keinen Digest enthalten; geben Sie stattdessen ein Tag an.</translation>
    </message>
    <message>
        <source>Plugin Folder</source>
        <translation>Plugin-Ordner</translation>
    </message>
</context>
<context>
    <name>ui::JobsIndicator</name>
    <message>
        <source>Running jobs</source>
        <translation>Laufende Aufträge</translation>
    </message>
    <message>
        <source>Show the running jobs</source>
        <translation>Die laufenden Aufträge anzeigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Running jobs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Laufende Aufträge&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>1 job running</source>
        <translation>1 Auftrag läuft</translation>
    </message>
    <message>
        <source>%1 jobs running</source>
        <translation>%1 Aufträge laufen</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Plugdesk</source>
        <translation>Plugdesk</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the plugins again (F5)</source>
        <translation>Die Plugins neu einlesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Plugdesk</source>
        <translation>&amp;Über Plugdesk</translation>
    </message>
    <message>
        <source>About Plugdesk</source>
        <translation>Über Plugdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Plugdesk %1&lt;/h3&gt;&lt;p&gt;A desktop manager for Docker managed plugins.&lt;/p&gt;&lt;p&gt;Store: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Plugdesk %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Verwaltung für verwaltete Docker-Plugins.&lt;/p&gt;&lt;p&gt;Speicher: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Filter plugins…</source>
        <translation>Plugins filtern…</translation>
    </message>
    <message>
        <source>Filter plugins</source>
        <translation>Plugins filtern</translation>
    </message>
    <message>
        <source>Installed plugins</source>
        <translation>Installierte Plugins</translation>
    </message>
    <message>
        <source>Problems reading the store</source>
        <translation>Probleme beim Lesen des Speichers</translation>
    </message>
    <message>
        <source>Cannot read the plugins: %1</source>
        <translation>Die Plugins können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>These plugins could not be read and are not listed:</source>
        <translation>Diese Plugins konnten nicht gelesen werden und fehlen in der Liste:</translation>
    </message>
    <message>
        <source>Store: %1 · plugins: %2, enabled: %3</source>
        <translation>Speicher: %1 · Plugins: %2, aktiviert: %3</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Start the selected plugin (Ctrl+E)</source>
        <translation>Das ausgewählte Plugin starten (Strg+E)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop the selected plugin (Ctrl+D)</source>
        <translation>Das ausgewählte Plugin anhalten (Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Create from Folder…</source>
        <translation>Aus &amp;Ordner erstellen…</translation>
    </message>
    <message>
        <source>Make a plugin from a folder with config.json and rootfs/ (Ctrl+N); you can also drop the folder on the window</source>
        <translation>Ein Plugin aus einem Ordner mit config.json und rootfs/ erstellen (Strg+N); Sie können den Ordner auch auf das Fenster ziehen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>&amp;Plugin</source>
        <translation>&amp;Plugin</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No plugins installed&lt;/h3&gt;&lt;p&gt;Create one from a folder with &lt;b&gt;Create&lt;/b&gt; (or drop the folder here), or install one with &lt;tt&gt;plugdeskctl plugin install NAME&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Plugins installiert&lt;/h3&gt;&lt;p&gt;Erstellen Sie eines mit &lt;b&gt;Erstellen&lt;/b&gt; aus einem Ordner (oder ziehen Sie den Ordner hierher), oder installieren Sie eines mit &lt;tt&gt;plugdeskctl plugin install NAME&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Settings of %1 applied.</source>
        <translation>Einstellungen von %1 übernommen.</translation>
    </message>
    <message>
        <source>%1 could not be enabled.</source>
        <translation>%1 konnte nicht aktiviert werden.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 ist aktiviert.</translation>
    </message>
    <message>
        <source>Disable Plugin</source>
        <translation>Plugin deaktivieren</translation>
    </message>
    <message>
        <source>Disable %1?</source>
        <translation>%1 deaktivieren?</translation>
    </message>
    <message>
        <source>The plugin is running. Containers and volumes that use it stop working until it is enabled again.</source>
        <translation>Das Plugin läuft. Container und Volumes, die es nutzen, funktionieren erst wieder, wenn es erneut aktiviert ist.</translation>
    </message>
    <message>
        <source>%1 could not be disabled.</source>
        <translation>%1 konnte nicht deaktiviert werden.</translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>%1 could not be created.</source>
        <translation>%1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>%1 was created; enable it to start it.</source>
        <translation>%1 wurde erstellt; aktivieren Sie es, um es zu starten.</translation>
    </message>
</context>
<context>
    <name>ui::PluginDetailsView</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Plugin configuration as JSON</source>
        <translation>Plugin-Konfiguration als JSON</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>No plugin selected</source>
        <translation>Kein Plugin ausgewählt</translation>
    </message>
    <message>
        <source>Select a plugin in the list to see what it is, what it may do and how it is set up.</source>
        <translation>Wählen Sie ein Plugin in der Liste, um zu sehen, was es ist, was es darf und wie es eingerichtet ist.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>Einstiegspunkt</translation>
    </message>
    <message>
        <source>Config format</source>
        <translation>Konfigurationsformat</translation>
    </message>
    <message>
        <source>v0 manifest (Docker 1.12)</source>
        <translation>v0-Manifest (Docker 1.12)</translation>
    </message>
    <message>
        <source>v1 config</source>
        <translation>v1-Konfiguration</translation>
    </message>
    <message>
        <source>Declared user</source>
        <translation>Angegebener Benutzer</translation>
    </message>
    <message>
        <source>uid %1, gid %2 (plugins run as root, as in Docker)</source>
        <translation>UID %1, GID %2 (Plugins laufen wie bei Docker als root)</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>This plugin asks for no special privileges.</source>
        <translation>Dieses Plugin verlangt keine besonderen Berechtigungen.</translation>
    </message>
    <message>
        <source>Plugin overview</source>
        <translation>Plugin-Übersicht</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Neustarts</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>status %1 at %2</source>
        <translation>Status %1 um %2</translation>
    </message>
    <message>
        <source>Last exit</source>
        <translation>Letztes Ende</translation>
    </message>
    <message>
        <source>Published as</source>
        <translation>Veröffentlicht als</translation>
    </message>
</context>
<context>
    <name>ui::PluginListModel</name>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ui::PluginLogView</name>
    <message>
        <source>Search the log…</source>
        <translation>Im Protokoll suchen…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation>Das Protokoll in eine Datei speichern</translation>
    </message>
    <message>
        <source>Plugin log</source>
        <translation>Plugin-Protokoll</translation>
    </message>
    <message>
        <source>The plugin has written nothing yet.</source>
        <translation>Das Plugin hat noch nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot read the log: %1</source>
        <translation>Das Protokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <translation>Treffer: %1</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The log could not be saved to %1: %2</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ui::PluginSettingsView</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Plugin settings</source>
        <translation>Plugin-Einstellungen</translation>
    </message>
    <message>
        <source>Why the settings were refused</source>
        <translation>Warum die Einstellungen abgelehnt wurden</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Save the changed settings; the plugin uses them the next time it is enabled</source>
        <translation>Die geänderten Einstellungen speichern; das Plugin verwendet sie beim nächsten Aktivieren</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Forget the changes not applied yet</source>
        <translation>Die noch nicht übernommenen Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Disable the plugin to change this value</source>
        <translation>Deaktivieren Sie das Plugin, um diesen Wert zu ändern</translation>
    </message>
    <message>
        <source>Double-click or press F2 to change this value</source>
        <translation>Doppelklicken oder F2 drücken, um diesen Wert zu ändern</translation>
    </message>
    <message>
        <source>Fixed by the plugin&apos;s configuration</source>
        <translation>Durch die Konfiguration des Plugins festgelegt</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>mounted at %1 in the plugin</source>
        <translation>im Plugin unter %1 eingehängt</translation>
    </message>
    <message>
        <source>%1 (mounted at %2 in the plugin)</source>
        <translation>%1 (im Plugin unter %2 eingehängt)</translation>
    </message>
    <message>
        <source>Mount</source>
        <translation>Einhängepunkt</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>This plugin has no settings.</source>
        <translation>Dieses Plugin hat keine Einstellungen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Locked while the plugin is enabled.&lt;/b&gt; A plugin reads its settings when it starts, so Docker only lets them change while it is disabled. Disable it to edit them.</source>
        <translation>&lt;b&gt;Gesperrt, solange das Plugin aktiviert ist.&lt;/b&gt; Ein Plugin liest seine Einstellungen beim Start, daher lässt Docker sie nur im deaktivierten Zustand ändern. Deaktivieren Sie es, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Values in black can be changed: double-click one, edit it, then Apply. The plugin uses them the next time it is enabled.</source>
        <translation>Schwarze Werte lassen sich ändern: doppelklicken, bearbeiten, dann Übernehmen. Das Plugin verwendet sie beim nächsten Aktivieren.</translation>
    </message>
    <message>
        <source>The settings were not changed: %1</source>
        <translation>Die Einstellungen wurden nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>ui::PrivilegeDialog</name>
    <message>
        <source>Administer the system: mount file systems, change namespaces and much more; close to full root access.</source>
        <translation>Das System verwalten: Dateisysteme einhängen, Namensräume ändern und vieles mehr; fast voller root-Zugriff.</translation>
    </message>
    <message>
        <source>Load and unload kernel modules, that is run code inside the kernel.</source>
        <translation>Kernelmodule laden und entladen, also Code im Kernel ausführen.</translation>
    </message>
    <message>
        <source>Read and write memory and I/O ports of the host directly.</source>
        <translation>Speicher und E/A-Ports des Hosts direkt lesen und schreiben.</translation>
    </message>
    <message>
        <source>Trace and inspect other processes, including their memory.</source>
        <translation>Andere Prozesse verfolgen und untersuchen, auch ihren Speicher.</translation>
    </message>
    <message>
        <source>Read any file it can reach, ignoring file permissions.</source>
        <translation>Jede erreichbare Datei lesen, ohne Rücksicht auf Dateirechte.</translation>
    </message>
    <message>
        <source>Reboot the host or load a new kernel.</source>
        <translation>Den Host neu starten oder einen neuen Kernel laden.</translation>
    </message>
    <message>
        <source>Change the mandatory access control policy (AppArmor, SELinux).</source>
        <translation>Die Richtlinie der Zugriffskontrolle ändern (AppArmor, SELinux).</translation>
    </message>
    <message>
        <source>Ignore the mandatory access control policy (AppArmor, SELinux).</source>
        <translation>Die Richtlinie der Zugriffskontrolle umgehen (AppArmor, SELinux).</translation>
    </message>
    <message>
        <source>Load BPF programs into the kernel.</source>
        <translation>BPF-Programme in den Kernel laden.</translation>
    </message>
    <message>
        <source>Configure network interfaces, routes and firewall rules.</source>
        <translation>Netzwerkschnittstellen, Routen und Firewall-Regeln einrichten.</translation>
    </message>
    <message>
        <source>Send and capture raw network packets.</source>
        <translation>Rohe Netzwerkpakete senden und mitschneiden.</translation>
    </message>
    <message>
        <source>Read and write files it can reach, ignoring file permissions.</source>
        <translation>Erreichbare Dateien lesen und schreiben, ohne Rücksicht auf Dateirechte.</translation>
    </message>
    <message>
        <source>Change the owner of files it can reach.</source>
        <translation>Den Eigentümer erreichbarer Dateien ändern.</translation>
    </message>
    <message>
        <source>Act as the owner of any file it can reach.</source>
        <translation>Wie der Eigentümer jeder erreichbaren Datei handeln.</translation>
    </message>
    <message>
        <source>Switch to any user id.</source>
        <translation>Zu jeder Benutzerkennung wechseln.</translation>
    </message>
    <message>
        <source>Switch to any group id.</source>
        <translation>Zu jeder Gruppenkennung wechseln.</translation>
    </message>
    <message>
        <source>Create device files.</source>
        <translation>Gerätedateien anlegen.</translation>
    </message>
    <message>
        <source>Set the system clock.</source>
        <translation>Die Systemuhr stellen.</translation>
    </message>
    <message>
        <source>Exceed resource limits and quotas.</source>
        <translation>Ressourcengrenzen und Kontingente überschreiten.</translation>
    </message>
    <message>
        <source>Raise the priority of processes.</source>
        <translation>Die Priorität von Prozessen erhöhen.</translation>
    </message>
    <message>
        <source>Send signals to processes it can see.</source>
        <translation>Sichtbaren Prozessen Signale senden.</translation>
    </message>
    <message>
        <source>Lock memory so that it is never swapped out.</source>
        <translation>Speicher sperren, sodass er nie ausgelagert wird.</translation>
    </message>
    <message>
        <source>Listen on network ports below 1024.</source>
        <translation>Auf Netzwerkports unter 1024 lauschen.</translation>
    </message>
    <message>
        <source>Write records to the kernel audit log.</source>
        <translation>Einträge in das Audit-Protokoll des Kernels schreiben.</translation>
    </message>
    <message>
        <source>Use the host&apos;s network directly: listen on its addresses and reach services that only listen locally.</source>
        <translation>Das Netzwerk des Hosts direkt nutzen: auf seinen Adressen lauschen und Dienste erreichen, die nur lokal lauschen.</translation>
    </message>
    <message>
        <source>Join the network &quot;%1&quot;.</source>
        <translation>Dem Netzwerk „%1“ beitreten.</translation>
    </message>
    <message>
        <source>Share memory, semaphores and message queues with every process on the host.</source>
        <translation>Speicher, Semaphoren und Nachrichtenwarteschlangen mit jedem Prozess des Hosts teilen.</translation>
    </message>
    <message>
        <source>See every process on the host and send signals to them.</source>
        <translation>Jeden Prozess des Hosts sehen und ihm Signale senden.</translation>
    </message>
    <message>
        <source>Mount a host folder that you choose in its settings.</source>
        <translation>Einen Ordner des Hosts einhängen, den Sie in seinen Einstellungen wählen.</translation>
    </message>
    <message>
        <source>Read and write the host folder %1.</source>
        <translation>Den Ordner %1 des Hosts lesen und schreiben.</translation>
    </message>
    <message>
        <source>Use the host device %1.</source>
        <translation>Das Gerät %1 des Hosts verwenden.</translation>
    </message>
    <message>
        <source>Read, write and create any device of the host: disks, USB devices, the console.</source>
        <translation>Jedes Gerät des Hosts lesen, schreiben und anlegen: Festplatten, USB-Geräte, die Konsole.</translation>
    </message>
    <message>
        <source>Use the Linux capability %1, which processes in a container normally lack.</source>
        <translation>Die Linux-Capability %1 nutzen, die Prozesse in einem Container normalerweise nicht haben.</translation>
    </message>
    <message>
        <source>A privilege this version of Plugdesk does not know (%1).</source>
        <translation>Eine Berechtigung, die diese Version von Plugdesk nicht kennt (%1).</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Gering</translation>
    </message>
    <message>
        <source>Approve Changed Privileges</source>
        <translation>Geänderte Berechtigungen genehmigen</translation>
    </message>
    <message>
        <source>Approve Privileges</source>
        <translation>Berechtigungen genehmigen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 asks for different privileges&lt;/h3&gt;&lt;p&gt;The new version changes what the plugin may do on this computer. Grant them only if you trust its publisher.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 verlangt andere Berechtigungen&lt;/h3&gt;&lt;p&gt;Die neue Version ändert, was das Plugin auf diesem Computer darf. Gewähren Sie sie nur, wenn Sie dem Herausgeber vertrauen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 asks for these privileges&lt;/h3&gt;&lt;p&gt;A plugin runs as root on this computer. Grant these privileges only if you trust its publisher.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 verlangt diese Berechtigungen&lt;/h3&gt;&lt;p&gt;Ein Plugin läuft auf diesem Computer als root. Gewähren Sie diese Berechtigungen nur, wenn Sie dem Herausgeber vertrauen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Privilege</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What it allows</source>
        <translation>Was sie erlaubt</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Requested privileges</source>
        <translation>Verlangte Berechtigungen</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (entfällt)</translation>
    </message>
    <message>
        <source>This plugin asks for no special privileges.</source>
        <translation>Dieses Plugin verlangt keine besonderen Berechtigungen.</translation>
    </message>
    <message>
        <source>High-risk privileges: %1. With them the plugin could take over this computer.</source>
        <translation>Berechtigungen mit hohem Risiko: %1. Mit ihnen könnte das Plugin diesen Computer übernehmen.</translation>
    </message>
    <message>
        <source>No privilege with a high risk.</source>
        <translation>Keine Berechtigung mit hohem Risiko.</translation>
    </message>
    <message>
        <source>&amp;Grant and Continue</source>
        <translation>&amp;Gewähren und fortfahren</translation>
    </message>
    <message>
        <source>Grant the privileges and continue</source>
        <translation>Die Berechtigungen gewähren und fortfahren</translation>
    </message>
    <message>
        <source>Cancel without granting</source>
        <translation>Abbrechen, ohne etwas zu gewähren</translation>
    </message>
</context>
</TS>
