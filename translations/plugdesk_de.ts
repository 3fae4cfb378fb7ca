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
        <source>Usage:  %1 %2 %3 %4</source>
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Manage Docker managed plugins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store root (default $PLUGDESK_ROOT, else /var/lib/plugdesk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run root (default $PLUGDESK_RUN, else /run/plugdesk).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Plugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the plugins again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Plugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Plugdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Plugdesk %1&lt;/h3&gt;&lt;p&gt;A desktop manager for Docker managed plugins.&lt;/p&gt;&lt;p&gt;Store: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter plugins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed plugins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No plugins installed&lt;/h3&gt;&lt;p&gt;Install one with &lt;tt&gt;plugdeskctl plugin install NAME&lt;/tt&gt;, or lay a plugin out by hand in the store as Docker 1.12 described.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems reading the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the plugins: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These plugins could not be read and are not listed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1 · plugins: %2, enabled: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PluginDetailsView</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plugin configuration as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plugin selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a plugin in the list to see what it is, what it may do and how it is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v0 manifest (Docker 1.12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uid %1, gid %2 (plugins run as root, as in Docker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plugin asks for no special privileges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This plugin has no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change settings with: plugdeskctl plugin set %1 KEY=VALUE (the plugin must be disabled).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui::PluginListModel</name>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
