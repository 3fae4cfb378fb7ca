<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AtomicFile</name>
    <message>
        <source>cannot open directory %1: %2</source>
        <translation>Verzeichnis %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot sync directory %1: %2</source>
        <translation>Verzeichnis %1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot sync the file system of %1: %2</source>
        <translation>Das Dateisystem von %1 kann nicht synchronisiert werden: %2</translation>
    </message>
    <message>
        <source>no space left on device while writing %1 — free some space on the file system mounted at %2 and try again</source>
        <translation>kein Platz mehr auf dem Gerät beim Schreiben von %1 – schaffen Sie Platz auf dem unter %2 eingehängten Dateisystem und versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>cannot open directory %1: %2</source>
        <translation>Verzeichnis %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot sync the file system of %1: %2</source>
        <translation>Das Dateisystem von %1 kann nicht synchronisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>BlobStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a sha256 digest</source>
        <translation>„%1“ ist kein sha256-Digest</translation>
    </message>
    <message>
        <source>blob %1 has digest %2</source>
        <translation>Blob %1 hat den Digest %2</translation>
    </message>
    <message>
        <source>cannot move %1 to %2</source>
        <translation>%1 kann nicht nach %2 verschoben werden</translation>
    </message>
    <message>
        <source>blob %1 is not in the store</source>
        <translation>Blob %1 ist nicht im Plugin-Speicher</translation>
    </message>
    <message>
        <source>blob %1 is %2 bytes, more than the %3 allowed</source>
        <translation>Blob %1 ist %2 Bytes groß, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>cannot remove blob %1</source>
        <translation>Blob %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot make %1 private</source>
        <translation>der Zugriff auf %1 kann nicht auf den Eigentümer beschränkt werden</translation>
    </message>
    <message>
        <source>cannot write %1 to disk</source>
        <translation>%1 kann nicht auf die Festplatte geschrieben werden</translation>
    </message>
    <message>
        <source>blob %1 should be %2 bytes, but %3 holds %4</source>
        <translation>Blob %1 sollte %2 Bytes groß sein, aber %3 enthält %4</translation>
    </message>
</context>
<context>
    <name>BundleHeader</name>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>&quot;Format&quot; is not &quot;%1&quot;; this is not a Plugdesk plugin bundle</source>
        <translation>„Format“ ist nicht „%1“; dies ist kein Plugdesk-Plugin-Bundle</translation>
    </message>
    <message>
        <source>&quot;Version&quot; is not a positive whole number</source>
        <translation>„Version“ ist keine positive ganze Zahl</translation>
    </message>
    <message>
        <source>bundle format version %1 is newer than this Plugdesk reads (%2); update Plugdesk</source>
        <translation>die Bundle-Formatversion %1 ist neuer als die, die dieses Plugdesk lesen kann (%2); aktualisieren Sie Plugdesk</translation>
    </message>
    <message>
        <source>&quot;Name&quot; is not a plugin name: %1</source>
        <translation>„Name“ ist kein Plugin-Name: %1</translation>
    </message>
    <message>
        <source>&quot;Name&quot; (%1) must be a name with a tag and no digest</source>
        <translation>„Name“ (%1) muss ein Name mit Tag und ohne Digest sein</translation>
    </message>
    <message>
        <source>&quot;Tag&quot; (%1) is not the tag of &quot;Name&quot; (%2)</source>
        <translation>„Tag“ (%1) ist nicht das Tag von „Name“ (%2)</translation>
    </message>
    <message>
        <source>&quot;PluginReference&quot; is not a reference: %1</source>
        <translation>„PluginReference“ ist keine Referenz: %1</translation>
    </message>
    <message>
        <source>&quot;Manifest&quot; is not a sha256 digest</source>
        <translation>„Manifest“ ist kein sha256-Digest</translation>
    </message>
</context>
<context>
    <name>BundleReader</name>
    <message>
        <source>an entry has an empty name</source>
        <translation>ein Eintrag hat einen leeren Namen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a relative path inside the bundle (zip slip)</source>
        <translation>„%1“ ist kein relativer Pfad innerhalb des Bundles (zip slip)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entry of a plugin bundle</source>
        <translation>„%1“ ist kein Eintrag eines Plugin-Bundles</translation>
    </message>
    <message>
        <source>not a plugin bundle: not a zip archive, or one that was cut short (zip error %1)</source>
        <translation>kein Plugin-Bundle: kein zip-Archiv oder ein abgeschnittenes (zip-Fehler %1)</translation>
    </message>
    <message>
        <source>not a plugin bundle: %1 entries, at most %2</source>
        <translation>kein Plugin-Bundle: %1 Einträge, höchstens %2</translation>
    </message>
    <message>
        <source>cannot read the zip&apos;s list of entries (zip error %1)</source>
        <translation>die Eintragsliste des zip-Archivs kann nicht gelesen werden (zip-Fehler %1)</translation>
    </message>
    <message>
        <source>%1: the entry appears twice</source>
        <translation>%1: der Eintrag kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: the entry is encrypted</source>
        <translation>%1: der Eintrag ist verschlüsselt</translation>
    </message>
    <message>
        <source>%1: has digest %2, but %3 names %4</source>
        <translation>%1: hat den Digest %2, aber %3 nennt %4</translation>
    </message>
    <message>
        <source>%1: is a manifest list; a bundle holds the manifest of one plugin</source>
        <translation>%1: ist eine Manifest-Liste; ein Bundle enthält das Manifest eines einzelnen Plugins</translation>
    </message>
    <message>
        <source>%1: missing; %2 lists it as %3</source>
        <translation>%1: fehlt; %2 führt es als %3 auf</translation>
    </message>
    <message>
        <source>%1: is %2 bytes, but %3 says %4</source>
        <translation>%1: ist %2 Bytes groß, aber %3 gibt %4 an</translation>
    </message>
    <message>
        <source>the config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source>%1: %2 does not list this blob</source>
        <translation>%1: %2 führt diesen Blob nicht auf</translation>
    </message>
    <message>
        <source>%1: the config is %2 bytes, more than the %3 allowed</source>
        <translation>%1: die Konfiguration ist %2 Bytes groß, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>%1: missing; this is not a plugin bundle</source>
        <translation>%1: fehlt; dies ist kein Plugin-Bundle</translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the %3 allowed</source>
        <translation>%1: %2 Bytes, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>%1: cannot find the entry (zip error %2)</source>
        <translation>%1: der Eintrag kann nicht gefunden werden (zip-Fehler %2)</translation>
    </message>
    <message>
        <source>%1: cannot open the entry (zip error %2)</source>
        <translation>%1: der Eintrag kann nicht geöffnet werden (zip-Fehler %2)</translation>
    </message>
    <message>
        <source>%1: the entry is damaged (zip error %2)</source>
        <translation>%1: der Eintrag ist beschädigt (zip-Fehler %2)</translation>
    </message>
    <message>
        <source>%1: more than the %2 bytes allowed</source>
        <translation>%1: mehr als die erlaubten %2 Bytes</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: holds more than the %2 bytes the manifest says</source>
        <translation>%1: enthält mehr als die %2 Bytes, die das Manifest angibt</translation>
    </message>
    <message>
        <source>%1: the entry is damaged (zip error %2: a CRC or length error)</source>
        <translation>%1: der Eintrag ist beschädigt (zip-Fehler %2: ein CRC- oder Längenfehler)</translation>
    </message>
    <message>
        <source>%1: digest mismatch: %2 bytes with %3, the manifest says %4 bytes with %5</source>
        <translation>%1: Digest stimmt nicht überein: %2 Bytes mit %3, das Manifest gibt %4 Bytes mit %5 an</translation>
    </message>
    <message>
        <source>%1: the entry declares an impossible size</source>
        <translation>%1: der Eintrag gibt eine unmögliche Größe an</translation>
    </message>
    <message>
        <source>%1: the bundle&apos;s entries up to this one hold %2 bytes uncompressed, more than the %3 bytes a bundle may hold</source>
        <translation>%1: die Einträge des Bundles bis einschließlich dieses Eintrags umfassen unkomprimiert %2 Bytes, mehr als die %3 Bytes, die ein Bundle enthalten darf</translation>
    </message>
</context>
<context>
    <name>BundleWriter</name>
    <message>
        <source>cannot start the zip archive (zip error %1): %2</source>
        <translation>das zip-Archiv kann nicht begonnen werden (zip-Fehler %1): %2</translation>
    </message>
    <message>
        <source>%1: cannot add the entry (zip error %2)</source>
        <translation>%1: der Eintrag kann nicht hinzugefügt werden (zip-Fehler %2)</translation>
    </message>
    <message>
        <source>%1: cannot write the entry (zip error %2): %3</source>
        <translation>%1: der Eintrag kann nicht geschrieben werden (zip-Fehler %2): %3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot read the blob: %2</source>
        <translation>%1: der Blob kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot finish the entry (zip error %2): %3</source>
        <translation>%1: der Eintrag kann nicht abgeschlossen werden (zip-Fehler %2): %3</translation>
    </message>
    <message>
        <source>%1: the blob in the store is damaged: %2 bytes with digest %3, expected %4 bytes with %5</source>
        <translation>%1: der Blob im Plugin-Speicher ist beschädigt: %2 Bytes mit Digest %3, erwartet wurden %4 Bytes mit %5</translation>
    </message>
    <message>
        <source>cannot finish the zip archive (zip error %1): %2</source>
        <translation>das zip-Archiv kann nicht abgeschlossen werden (zip-Fehler %1): %2</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Manage plugins</source>
        <translation>Plugins verwalten</translation>
    </message>
    <message>
        <source>Usage:  %1</source>
        <translation>Aufruf:  %1</translation>
    </message>
    <message>
        <source>Run &apos;%1 --help&apos; for more information.</source>
        <translation>Weitere Informationen erhalten Sie mit &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <source>Usage:  %1 [OPTIONS] COMMAND</source>
        <translation>Aufruf:  %1 [OPTIONEN] BEFEHL</translation>
    </message>
    <message>
        <source>Manage Docker managed plugins with Plugdesk, the way `docker plugin` does.</source>
        <translation>Verwaltete Docker-Plugins mit Plugdesk verwalten, so wie es `docker plugin` tut.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Store root (default $PLUGDESK_ROOT, else /var/lib/plugdesk)</source>
        <translation>Wurzel des Plugin-Speichers (Vorgabe $PLUGDESK_ROOT, sonst /var/lib/plugdesk)</translation>
    </message>
    <message>
        <source>Run root (default $PLUGDESK_RUN, else /run/plugdesk)</source>
        <translation>Laufzeitverzeichnis (Vorgabe $PLUGDESK_RUN, sonst /run/plugdesk)</translation>
    </message>
    <message>
        <source>Print usage</source>
        <translation>Aufrufhilfe ausgeben</translation>
    </message>
    <message>
        <source>Print version information</source>
        <translation>Versionsinformationen ausgeben</translation>
    </message>
    <message>
        <source>Management Commands:</source>
        <translation>Verwaltungsbefehle:</translation>
    </message>
    <message>
        <source>Run &apos;%1 COMMAND --help&apos; for more information on a command.</source>
        <translation>Weitere Informationen zu einem Befehl erhalten Sie mit &apos;%1 BEFEHL --help&apos;.</translation>
    </message>
    <message>
        <source>Usage:  %1 %2 COMMAND</source>
        <translation>Aufruf:  %1 %2 BEFEHL</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Run &apos;%1 %2 COMMAND --help&apos; for more information on a command.</source>
        <translation>Weitere Informationen zu einem Befehl erhalten Sie mit &apos;%1 %2 BEFEHL --help&apos;.</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>%1 [OPTIONS] COMMAND</source>
        <translation>%1 [OPTIONEN] BEFEHL</translation>
    </message>
    <message>
        <source>Plugdesk version %1</source>
        <translation>Plugdesk-Version %1</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>unbekannte Option: %1</translation>
    </message>
    <message>
        <source>flag needs an argument: --%1</source>
        <translation>Option braucht ein Argument: --%1</translation>
    </message>
    <message>
        <source>flag --%1 needs a folder, not an empty string</source>
        <translation>Option --%1 braucht einen Ordner, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation>unbekannter Befehl: %1</translation>
    </message>
    <message>
        <source>unknown command: %1 %2</source>
        <translation>unbekannter Befehl: %1 %2</translation>
    </message>
    <message>
        <source>%1 COMMAND</source>
        <translation>%1 BEFEHL</translation>
    </message>
    <message>
        <source>unknown flag: --%1</source>
        <translation>unbekannte Option: --%1</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--%2&quot; flag: expected true or false</source>
        <translation>ungültiges Argument „%1“ für die Option „--%2“: true oder false erwartet</translation>
    </message>
    <message>
        <source>unknown shorthand flag: &apos;%1&apos; in %2</source>
        <translation>unbekannte Kurzoption: &apos;%1&apos; in %2</translation>
    </message>
    <message>
        <source>flag needs an argument: &apos;%1&apos; in -%1</source>
        <translation>Option braucht ein Argument: &apos;%1&apos; in -%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts no arguments.</source>
        <translation>„%1“ nimmt keine Argumente an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires exactly 1 argument.</source>
        <translation>„%1“ verlangt genau 1 Argument.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires exactly %2 arguments.</source>
        <translation>„%1“ verlangt genau %2 Argumente.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least 1 argument.</source>
        <translation>„%1“ verlangt mindestens 1 Argument.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; requires at least %2 arguments.</source>
        <translation>„%1“ verlangt mindestens %2 Argumente.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts at most 1 argument.</source>
        <translation>„%1“ nimmt höchstens 1 Argument an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; accepts at most %2 arguments.</source>
        <translation>„%1“ nimmt höchstens %2 Argumente an.</translation>
    </message>
    <message>
        <source>Usage:  %1 %2</source>
        <translation>Aufruf:  %1 %2</translation>
    </message>
    <message>
        <source>Manage volumes</source>
        <translation>Volumes verwalten</translation>
    </message>
    <message>
        <source>Do not ask for a password: refuse what polkit would ask one for</source>
        <translation>Nicht nach einem Passwort fragen: ablehnen, wofür polkit eines verlangen würde</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>Einer von: %1.</translation>
    </message>
    <message>
        <source>Manage Docker managed plugins</source>
        <translation>Docker-Plugins verwalten</translation>
    </message>
    <message>
        <source>Usage:  plugdeskctl __man DIR</source>
        <translation>Aufruf:  plugdeskctl __man ORDNER</translation>
    </message>
    <message>
        <source>Error: cannot create the folder %1</source>
        <translation>Fehler: Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Error: cannot write %1: %2</source>
        <translation>Fehler: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Where the plugins live: plugdesk:// (this computer), unix:///SOCKET or ssh://[USER@]HOST[:PORT] (a Docker Engine), or a connection&apos;s name; default $PLUGDESK_HOST, else the connection `connection use` chose, else plugdesk://</source>
        <translation>Wo die Plugins liegen: plugdesk:// (dieser Computer), unix:///SOCKET oder ssh://[BENUTZER@]HOST[:PORT] (eine Docker Engine) oder der Name einer Verbindung; Vorgabe $PLUGDESK_HOST, sonst die mit `connection use` gewählte Verbindung, sonst plugdesk://</translation>
    </message>
    <message>
        <source>flag needs an argument: &apos;H&apos; in -H</source>
        <translation>Flag braucht ein Argument: &apos;H&apos; in -H</translation>
    </message>
    <message>
        <source>flag -H needs a URL or a connection name, not an empty string</source>
        <translation>Option -H braucht eine URL oder den Namen einer Verbindung, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>flag --host needs a URL or a connection name, not an empty string</source>
        <translation>Option --host braucht eine URL oder den Namen einer Verbindung, keine leere Zeichenkette</translation>
    </message>
    <message>
        <source>--root and --run name this computer&apos;s store; they do not apply to the Docker Engine at %1</source>
        <translation>--root und --run bezeichnen den Speicher dieses Rechners; für die Docker Engine unter %1 gelten sie nicht</translation>
    </message>
</context>
<context>
    <name>ConnectionCommands</name>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>docker context (current)</source>
        <translation>Docker-Kontext (aktuell)</translation>
    </message>
    <message>
        <source>docker context</source>
        <translation>Docker-Kontext</translation>
    </message>
    <message>
        <source>Successfully added connection &quot;%1&quot;</source>
        <translation>Verbindung „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>unsupported format &quot;%1&quot;: use &quot;table&quot; or &quot;json&quot;</source>
        <translation>nicht unterstütztes Format „%1“: „table“ oder „json“ verwenden</translation>
    </message>
    <message>
        <source>The default connection is now &quot;%1&quot;</source>
        <translation>Die Standardverbindung ist jetzt „%1“</translation>
    </message>
    <message>
        <source>Manage connections</source>
        <translation>Verbindungen verwalten</translation>
    </message>
    <message>
        <source>Saved connections live in $XDG_CONFIG_HOME/plugdesk/connections.json (else ~/.config/plugdesk/connections.json). URLs: plugdesk:// (this computer), plugdesk:///STORE (the store at STORE), unix:///SOCKET and ssh://[USER@]HOST[:PORT] (a Docker Engine).</source>
        <translation>Gespeicherte Verbindungen stehen in $XDG_CONFIG_HOME/plugdesk/connections.json (sonst ~/.config/plugdesk/connections.json). URLs: plugdesk:// (dieser Computer), plugdesk:///SPEICHER (der Speicher unter SPEICHER), unix:///SOCKET und ssh://[BENUTZER@]HOST[:PORT] (eine Docker Engine).</translation>
    </message>
    <message>
        <source>Save a connection</source>
        <translation>Eine Verbindung speichern</translation>
    </message>
    <message>
        <source>List connections</source>
        <translation>Verbindungen auflisten</translation>
    </message>
    <message>
        <source>Format output: &quot;table&quot; (the default) or &quot;json&quot;</source>
        <translation>Ausgabeformat: „table“ (Standard) oder „json“</translation>
    </message>
    <message>
        <source>Only show connection names</source>
        <translation>Nur die Namen der Verbindungen anzeigen</translation>
    </message>
    <message>
        <source>Lists this computer (&quot;local&quot;), the saved connections and Docker&apos;s contexts (read from ~/.docker/contexts, never written). The default connection, used when no -H is given, is marked with *.</source>
        <translation>Listet diesen Computer („local“), die gespeicherten Verbindungen und die Kontexte von Docker (aus ~/.docker/contexts gelesen, nie geschrieben). Die Standardverbindung, die ohne -H verwendet wird, ist mit * markiert.</translation>
    </message>
    <message>
        <source>Remove one or more saved connections</source>
        <translation>Eine oder mehrere gespeicherte Verbindungen entfernen</translation>
    </message>
    <message>
        <source>Remove the default connection too (the default goes back to &quot;local&quot;)</source>
        <translation>Auch die Standardverbindung entfernen (Standard wird wieder „local“)</translation>
    </message>
    <message>
        <source>Set the default connection</source>
        <translation>Die Standardverbindung festlegen</translation>
    </message>
    <message>
        <source>The default connection is the one used when no -H is given: a saved connection, &quot;local&quot; (this computer) or a Docker context.</source>
        <translation>Die Standardverbindung wird verwendet, wenn kein -H angegeben ist: eine gespeicherte Verbindung, „local“ (dieser Computer) oder ein Docker-Kontext.</translation>
    </message>
</context>
<context>
    <name>ConnectionStore</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Plugdesk connections file: %2; fix or remove it</source>
        <translation>%1 ist keine Plugdesk-Verbindungsdatei: %2; korrigieren oder entfernen Sie sie</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>a connection needs a name</source>
        <translation>eine Verbindung braucht einen Namen</translation>
    </message>
    <message>
        <source>invalid connection name &quot;%1&quot;: use up to 64 letters, digits and _.+-, starting with a letter or digit</source>
        <translation>ungültiger Verbindungsname „%1“: bis zu 64 Buchstaben, Ziffern und _.+- verwenden, beginnend mit Buchstabe oder Ziffer</translation>
    </message>
    <message>
        <source>invalid connection name &quot;%1&quot;: &quot;local&quot; is this computer&apos;s own connection</source>
        <translation>ungültiger Verbindungsname „%1“: „local“ ist die Verbindung dieses Computers</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; needs a URL, as in ssh://HOST</source>
        <translation>Verbindung „%1“ braucht eine URL, etwa ssh://HOST</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; already exists (%2); remove it first</source>
        <translation>Verbindung „%1“ existiert bereits (%2); entfernen Sie sie zuerst</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; is this computer&apos;s own and cannot be removed</source>
        <translation>Verbindung „%1“ gehört zu diesem Computer und kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a Docker context, not a saved connection; remove it with `docker context rm %1`</source>
        <translation>„%1“ ist ein Docker-Kontext, keine gespeicherte Verbindung; entfernen mit `docker context rm %1`</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; not found</source>
        <translation>Verbindung „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; is the default; use --force to remove it anyway (the default goes back to &quot;local&quot;)</source>
        <translation>Verbindung „%1“ ist die Standardverbindung; mit --force trotzdem entfernen (Standard wird wieder „local“)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a URL; `use` takes a connection&apos;s name (save the URL with `connection add` first)</source>
        <translation>„%1“ ist eine URL; `use` erwartet den Namen einer Verbindung (die URL zuerst mit `connection add` speichern)</translation>
    </message>
    <message>
        <source>the default connection (%1, chosen with `plugdeskctl connection use`) cannot be used: %2</source>
        <translation>die Standardverbindung (%1, gewählt mit `plugdeskctl connection use`) ist nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot;: %2</source>
        <translation>Verbindung „%1“: %2</translation>
    </message>
    <message>
        <source>connection &quot;%1&quot; not found: it is not a URL (plugdesk://, unix://PATH, ssh://HOST), not a saved connection and not a Docker context; see `plugdeskctl connection ls`</source>
        <translation>Verbindung „%1“ nicht gefunden: sie ist keine URL (plugdesk://, unix://PFAD, ssh://HOST), keine gespeicherte Verbindung und kein Docker-Kontext; siehe `plugdeskctl connection ls`</translation>
    </message>
</context>
<context>
    <name>CreatePlugin</name>
    <message>
        <source>invalid name: %1: a plugin name cannot carry a digest</source>
        <translation>ungültiger Name: %1: ein Plugin-Name darf keinen Digest enthalten</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>%1: context must be a directory</source>
        <translation>%1: der Kontext muss ein Verzeichnis sein</translation>
    </message>
    <message>
        <source>%1: cannot read: %2 (a plugin folder holds config.json and rootfs/)</source>
        <translation>%1: kann nicht gelesen werden: %2 (ein Plugin-Ordner enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>%1: a v0 manifest cannot be pushed to a registry; write a v1 config.json</source>
        <translation>%1: ein v0-Manifest kann nicht in eine Registry hochgeladen werden; schreiben Sie eine v1-config.json</translation>
    </message>
    <message>
        <source>%1: no such folder (a plugin folder holds config.json and rootfs/)</source>
        <translation>%1: Ordner nicht gefunden (ein Plugin-Ordner enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>create plugin %1</source>
        <translation>Erstellen von Plugin %1</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; already exists</source>
        <translation>Plugin „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot create a staging folder in %1: %2</source>
        <translation>in %1 kann kein Zwischenordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>Compressing</source>
        <translation>Komprimieren</translation>
    </message>
    <message>
        <source>packing %1</source>
        <translation>%1 wird gepackt</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cannot move the rootfs into %1</source>
        <translation>das rootfs kann nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot create plugin %1 from %2</source>
        <translation>Plugin %1 kann nicht aus %2 erstellt werden</translation>
    </message>
    <message>
        <source>cannot read the packed folder %1: %2</source>
        <translation>der gepackte Ordner %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Receiving</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>unpacking %1</source>
        <translation>%1 wird entpackt</translation>
    </message>
    <message>
        <source>the plugin folder %1</source>
        <translation>Plugin-Ordner %1</translation>
    </message>
    <message>
        <source>cannot create plugin %1</source>
        <translation>Plugin %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>cannot unpack the plugin folder %1</source>
        <translation>der Plugin-Ordner %1 kann nicht entpackt werden</translation>
    </message>
    <message>
        <source>%1/config.json: not a file (a plugin folder holds config.json and rootfs/)</source>
        <translation>%1/config.json: keine Datei (ein Plugin-Ordner enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>%1/rootfs: no such folder (a plugin folder holds config.json and rootfs/)</source>
        <translation>%1/rootfs: Ordner nicht gefunden (ein Plugin-Ordner enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>%1: no such file (a plugin folder holds config.json and rootfs/)</source>
        <translation>%1: Datei nicht gefunden (ein Plugin-Ordner enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>cannot pack %1: cannot create a temp file in %2: %3</source>
        <translation>%1 kann nicht gepackt werden: in %2 kann keine temporäre Datei angelegt werden: %3</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: not a JSON object (%2) — fix or remove the file</source>
        <translation>%1 kann nicht gelesen werden: kein JSON-Objekt (%2) – korrigieren oder entfernen Sie die Datei</translation>
    </message>
    <message>
        <source>wrong type</source>
        <translation>falscher Typ</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the credential helper %1 is configured in the docker config but is not installed (not on PATH) — install it or remove it from the config</source>
        <translation>der Anmeldedaten-Helfer %1 ist in der Docker-Konfiguration eingetragen, aber nicht installiert (nicht im PATH) – installieren Sie ihn oder entfernen Sie ihn aus der Konfiguration</translation>
    </message>
    <message>
        <source>cannot run the credential helper %1: %2</source>
        <translation>der Anmeldedaten-Helfer %1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>the credential helper %1 did not answer within %2 seconds</source>
        <translation>der Anmeldedaten-Helfer %1 hat nicht innerhalb von %2 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>the credential helper %1 %2 failed: %3</source>
        <translation>der Anmeldedaten-Helfer %1 %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>the credential helper docker-credential-%1 answered something that is not a JSON object</source>
        <translation>der Anmeldedaten-Helfer docker-credential-%1 hat etwas geantwortet, das kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>cannot read the login for %1 in %2: &quot;auth&quot; is not base64 of user:password — run plugdeskctl login %3 again</source>
        <translation>die Anmeldung für %1 in %2 kann nicht gelesen werden: „auth“ ist nicht base64 von user:password – führen Sie plugdeskctl login %3 erneut aus</translation>
    </message>
</context>
<context>
    <name>ExportPlugin</name>
    <message>
        <source>cannot export plugin %1 to %2</source>
        <translation>Plugin %1 kann nicht nach %2 exportiert werden</translation>
    </message>
    <message>
        <source>Exporting plugin %1 to %2</source>
        <translation>Plugin %1 wird nach %2 exportiert</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>%1: blob %2 is not readable in the store: %3</source>
        <translation>%1: Blob %2 ist im Plugin-Speicher nicht lesbar: %3</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot export plugin %1</source>
        <translation>Plugin %1 kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>cannot export plugin %1: cannot write %2: %3</source>
        <translation>Plugin %1 kann nicht exportiert werden: %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>file descriptor %1</source>
        <translation>Dateideskriptor %1</translation>
    </message>
    <message>
        <source>cannot tell what %1 is: %2</source>
        <translation>es lässt sich nicht feststellen, was %1 ist: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 is on a %2 file system, which holds kernel settings, not files: choose a file on a disk</source>
        <translation>%1 liegt auf einem %2-Dateisystem, das Kerneleinstellungen enthält, keine Dateien: wählen Sie eine Datei auf einem Datenträger</translation>
    </message>
    <message>
        <source>%1 is not a regular file: choose a file on a disk</source>
        <translation>%1 ist keine reguläre Datei: wählen Sie eine Datei auf einem Datenträger</translation>
    </message>
</context>
<context>
    <name>GoJsonReader</name>
    <message>
        <source>field &quot;%1&quot; must be an object</source>
        <translation>Feld „%1“ muss ein Objekt sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list</source>
        <translation>Feld „%1“ muss eine Liste sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string</source>
        <translation>Feld „%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string or null</source>
        <translation>Feld „%1“ muss eine Zeichenkette oder null sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a list of strings</source>
        <translation>Feld „%1“ muss eine Liste von Zeichenketten sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be true or false</source>
        <translation>Feld „%1“ muss true oder false sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a whole number from 0 to %2</source>
        <translation>Feld „%1“ muss eine ganze Zahl von 0 bis %2 sein</translation>
    </message>
</context>
<context>
    <name>GoTemplate</name>
    <message>
        <source>template parsing error: unclosed action in &quot;%1&quot;</source>
        <translation>Fehler beim Lesen der Vorlage: nicht geschlossene Aktion in „%1“</translation>
    </message>
    <message>
        <source>template: unsupported action {{%1}}: use {{.Field}} or {{json .Field}}</source>
        <translation>Vorlage: nicht unterstützte Aktion {{%1}}: verwenden Sie {{.Field}} oder {{json .Field}}</translation>
    </message>
    <message>
        <source>template: bad field path in {{%1}}</source>
        <translation>Vorlage: ungültiger Feldpfad in {{%1}}</translation>
    </message>
    <message>
        <source>template: executing {{%1}}: can&apos;t evaluate field %2</source>
        <translation>Vorlage: beim Ausführen von {{%1}}: Feld %2 kann nicht ausgewertet werden</translation>
    </message>
</context>
<context>
    <name>HelperOptions</name>
    <message>
        <source>argument &quot;%1&quot; is not %2</source>
        <translation>Argument „%1“ ist nicht %2</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is not a JSON array</source>
        <translation>Argument „%1“ ist kein JSON-Array</translation>
    </message>
    <message>
        <source>%1 takes no option &quot;%2&quot;</source>
        <translation>%1 kennt keine Option „%2“</translation>
    </message>
    <message>
        <source>%1 takes no option &quot;%2&quot; (it takes: %3)</source>
        <translation>%1 kennt keine Option „%2“ (bekannt sind: %3)</translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation>das negative Zeitlimit %1 ist ungültig</translation>
    </message>
    <message>
        <source>options.locale &quot;%1&quot; is not a locale name</source>
        <translation>options.locale „%1“ ist kein Gebietsschema-Name</translation>
    </message>
    <message>
        <source>the Plugdesk helper sent %1 that is not JSON: %2</source>
        <translation>der Plugdesk-Helfer hat %1 gesendet, das kein JSON ist: %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a 32-bit integer</source>
        <translation>eine 32-Bit-Ganzzahl</translation>
    </message>
    <message>
        <source>an object path</source>
        <translation>ein Objektpfad</translation>
    </message>
    <message>
        <source>a file descriptor</source>
        <translation>ein Dateideskriptor</translation>
    </message>
    <message>
        <source>a map of strings to strings</source>
        <translation>eine Zuordnung von Zeichenketten zu Zeichenketten</translation>
    </message>
    <message>
        <source>a map of options (a{sv})</source>
        <translation>eine Zuordnung von Optionen (a{sv})</translation>
    </message>
    <message>
        <source>a plugin</source>
        <translation>ein Plugin</translation>
    </message>
    <message>
        <source>a run state</source>
        <translation>einen Laufzustand</translation>
    </message>
    <message>
        <source>volume drivers</source>
        <translation>Volume-Treiber</translation>
    </message>
    <message>
        <source>an array of bytes</source>
        <translation>ein Byte-Array</translation>
    </message>
</context>
<context>
    <name>HelperProtocol</name>
    <message>
        <source>the helper sent a plugin without an id, repository or tag</source>
        <translation>der Helfer hat ein Plugin ohne ID, Repository oder Tag gesendet</translation>
    </message>
    <message>
        <source>the helper sent a plugin config that does not parse: %1</source>
        <translation>der Helfer hat eine Plugin-Konfiguration gesendet, die sich nicht lesen lässt: %1</translation>
    </message>
    <message>
        <source>the helper sent plugin settings that do not parse: %1</source>
        <translation>der Helfer hat Plugin-Einstellungen gesendet, die sich nicht lesen lassen: %1</translation>
    </message>
    <message>
        <source>the helper sent a plugin list that is not JSON: %1</source>
        <translation>der Helfer hat eine Plugin-Liste gesendet, die kein JSON ist: %1</translation>
    </message>
    <message>
        <source>the helper sent a plugin list that is not a JSON object</source>
        <translation>der Helfer hat eine Plugin-Liste gesendet, die kein JSON-Objekt ist</translation>
    </message>
    <message>
        <source>the helper sent approved privileges that do not parse: %1</source>
        <translation>der Helfer hat genehmigte Berechtigungen gesendet, die sich nicht lesen lassen: %1</translation>
    </message>
    <message>
        <source>the helper sent a snapshot that is not JSON</source>
        <translation>der Helfer hat einen Schnappschuss gesendet, der kein JSON ist</translation>
    </message>
</context>
<context>
    <name>HelperVerbs</name>
    <message>
        <source>cannot publish the %1 job on the bus</source>
        <translation>der Auftrag „%1“ kann nicht auf dem Bus veröffentlicht werden</translation>
    </message>
    <message>
        <source>list plugins</source>
        <translation>Auflisten von Plugins</translation>
    </message>
    <message>
        <source>inspect plugins</source>
        <translation>Untersuchen von Plugins</translation>
    </message>
    <message>
        <source>change plugin settings</source>
        <translation>Ändern von Plugin-Einstellungen</translation>
    </message>
    <message>
        <source>enable plugins</source>
        <translation>Aktivieren von Plugins</translation>
    </message>
    <message>
        <source>disable plugins</source>
        <translation>Deaktivieren von Plugins</translation>
    </message>
    <message>
        <source>create plugins</source>
        <translation>Erstellen von Plugins</translation>
    </message>
    <message>
        <source>read plugin logs</source>
        <translation>Lesen von Plugin-Protokollen</translation>
    </message>
    <message>
        <source>read plugin state</source>
        <translation>Lesen des Plugin-Zustands</translation>
    </message>
    <message>
        <source>%1 takes arguments (%2), not (%3)</source>
        <translation>%1 erwartet die Argumente (%2), nicht (%3)</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is too long: %2 characters, at most %3</source>
        <translation>Argument „%1“ ist zu lang: %2 Zeichen, höchstens %3</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; must not contain a NUL character</source>
        <translation>Argument „%1“ darf kein NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; must not be empty</source>
        <translation>Argument „%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; has %2 entries, at most %3</source>
        <translation>Argument „%1“ hat %2 Einträge, höchstens %3</translation>
    </message>
    <message>
        <source>push plugins</source>
        <translation>Hochladen von Plugins</translation>
    </message>
    <message>
        <source>remove plugins</source>
        <translation>Entfernen von Plugins</translation>
    </message>
    <message>
        <source>install plugins</source>
        <translation>Installieren von Plugins</translation>
    </message>
    <message>
        <source>upgrade plugins</source>
        <translation>Aktualisieren von Plugins</translation>
    </message>
    <message>
        <source>list volume drivers</source>
        <translation>Auflisten von Volume-Treibern</translation>
    </message>
    <message>
        <source>list volumes</source>
        <translation>Auflisten von Volumes</translation>
    </message>
    <message>
        <source>inspect volumes</source>
        <translation>Untersuchen von Volumes</translation>
    </message>
    <message>
        <source>create volumes</source>
        <translation>Erstellen von Volumes</translation>
    </message>
    <message>
        <source>remove volumes</source>
        <translation>Entfernen von Volumes</translation>
    </message>
    <message>
        <source>mount volumes</source>
        <translation>Einhängen von Volumes</translation>
    </message>
    <message>
        <source>unmount volumes</source>
        <translation>Aushängen von Volumes</translation>
    </message>
    <message>
        <source>cannot take the file of argument &quot;%1&quot;</source>
        <translation>die Datei des Arguments „%1“ kann nicht übernommen werden</translation>
    </message>
    <message>
        <source>export plugins</source>
        <translation>Exportieren von Plugins</translation>
    </message>
    <message>
        <source>import plugins</source>
        <translation>Importieren von Plugins</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is not an open file descriptor</source>
        <translation>Argument „%1“ ist kein offener Dateideskriptor</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is not a regular file</source>
        <translation>Argument „%1“ ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is not open for writing</source>
        <translation>Argument „%1“ ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; is not open for reading</source>
        <translation>Argument „%1“ ist nicht zum Lesen geöffnet</translation>
    </message>
    <message>
        <source>grant plugins new privileges</source>
        <translation>Gewähren neuer Berechtigungen für Plugins</translation>
    </message>
    <message>
        <source>invalid option name &quot;%1&quot;</source>
        <translation>ungültiger Optionsname „%1“</translation>
    </message>
    <message>
        <source>start plugins</source>
        <translation>Plugins starten</translation>
    </message>
</context>
<context>
    <name>HttpAnswerReader</name>
    <message>
        <source>%1 closed the connection before its answer was whole</source>
        <translation>%1 hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>%1 sent an HTTP header of over %2 KiB</source>
        <translation>%1 hat einen HTTP-Header von über %2 KiB gesendet</translation>
    </message>
    <message>
        <source>%1 did not answer in HTTP: %2</source>
        <translation>%1 hat nicht in HTTP geantwortet: %2</translation>
    </message>
    <message>
        <source>%1 sent a bad Content-Length: %2</source>
        <translation>%1 hat eine ungültige Content-Length gesendet: %2</translation>
    </message>
    <message>
        <source>%1 sent a chunk-size line of over %2 bytes</source>
        <translation>%1 hat eine Chunk-Größenzeile von über %2 Bytes gesendet</translation>
    </message>
    <message>
        <source>%1 sent a bad chunk size: %2</source>
        <translation>%1 hat eine ungültige Chunk-Größe gesendet: %2</translation>
    </message>
    <message>
        <source>%1 sent a chunk that does not end where its size says</source>
        <translation>%1 hat einen Chunk gesendet, der nicht dort endet, wo seine Größe es angibt</translation>
    </message>
    <message>
        <source>%1 sent a trailer line of over %2 bytes</source>
        <translation>%1 hat eine Trailer-Zeile von über %2 Bytes gesendet</translation>
    </message>
</context>
<context>
    <name>ImportPlugin</name>
    <message>
        <source>cannot import %1</source>
        <translation>%1 kann nicht importiert werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>cannot extract layer %1</source>
        <translation>Layer %1 kann nicht entpackt werden</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>cannot import %1: no such file</source>
        <translation>%1 kann nicht importiert werden: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Reading plugin bundle %1</source>
        <translation>Plugin-Bundle %1 wird gelesen</translation>
    </message>
    <message>
        <source>import plugin %1</source>
        <translation>Importieren von Plugin %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>adding %1 to the store</source>
        <translation>%1 wird in den Plugin-Speicher aufgenommen</translation>
    </message>
    <message>
        <source>Read %1</source>
        <translation>%1 lesen</translation>
    </message>
    <message>
        <source>%1: %2 (%3 sets the limit)</source>
        <translation>%1: %2 (die Grenze legt %3 fest)</translation>
    </message>
</context>
<context>
    <name>InstallCommands</name>
    <message>
        <source>Install a plugin</source>
        <translation>Ein Plugin installieren</translation>
    </message>
    <message>
        <source>Local name for plugin</source>
        <translation>Lokaler Name für das Plugin</translation>
    </message>
    <message>
        <source>Do not enable the plugin on install</source>
        <translation>Das Plugin bei der Installation nicht aktivieren</translation>
    </message>
    <message>
        <source>Skip image verification (deprecated; accepted for compatibility)</source>
        <translation>Überprüfung des Images überspringen (veraltet; aus Kompatibilitätsgründen akzeptiert)</translation>
    </message>
    <message>
        <source>Grant all permissions necessary to run the plugin</source>
        <translation>Alle zum Ausführen des Plugins nötigen Berechtigungen gewähren</translation>
    </message>
    <message>
        <source>Upgrade an existing plugin</source>
        <translation>Ein vorhandenes Plugin aktualisieren</translation>
    </message>
    <message>
        <source>Do not check if specified remote plugin matches existing plugin image</source>
        <translation>Nicht prüfen, ob das angegebene entfernte Plugin zum Image des vorhandenen Plugins passt</translation>
    </message>
    <message>
        <source>a bundle cannot be written to standard output; name a file</source>
        <translation>ein Bundle kann nicht auf die Standardausgabe geschrieben werden; geben Sie eine Datei an</translation>
    </message>
    <message>
        <source>Exported plugin %1 to %2</source>
        <translation>Plugin %1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>a bundle cannot be read from standard input; name a file</source>
        <translation>ein Bundle kann nicht von der Standardeingabe gelesen werden; geben Sie eine Datei an</translation>
    </message>
    <message>
        <source>permission denied while importing plugin %1 from %2</source>
        <translation>Zugriff verweigert beim Importieren von Plugin %1 aus %2</translation>
    </message>
    <message>
        <source>Imported plugin %1 from %2</source>
        <translation>Plugin %1 aus %2 importiert</translation>
    </message>
    <message>
        <source>Export a plugin to a bundle file, for a machine without registry access

FILE is always a zip archive, whatever its name (no tar, no standard output). It holds
what a push would send: the manifest, the config and the layers, never the settings.
It appears complete or not at all. Bring it over and run plugdeskctl plugin import FILE.</source>
        <translation>Ein Plugin in eine Bundle-Datei exportieren, für einen Rechner ohne Registry-Zugang

FILE ist immer ein zip-Archiv, gleich welchen Namens (kein tar, keine Standardausgabe).
Es enthält, was plugin push hochladen würde: das Manifest, die Konfiguration und die
Layer, nie die Einstellungen. Es entsteht vollständig oder gar nicht. Bringen Sie es
hinüber und führen Sie dort plugdeskctl plugin import FILE aus.</translation>
    </message>
    <message>
        <source>Import a plugin from a bundle file made by plugin export

FILE must be a zip archive made by plugdeskctl plugin export. Every blob is checked
against its digest, the privileges the plugin asks for are shown for approval as at
install, and the plugin is enabled unless --disable is given.</source>
        <translation>Ein Plugin aus einer mit plugin export erstellten Bundle-Datei importieren

FILE muss ein mit plugdeskctl plugin export erstelltes zip-Archiv sein. Jeder Blob wird
gegen seinen Digest geprüft, die vom Plugin verlangten Berechtigungen werden wie bei der
Installation zur Genehmigung angezeigt, und das Plugin wird aktiviert, sofern nicht
--disable angegeben ist.</translation>
    </message>
    <message>
        <source>Do not enable the plugin on import</source>
        <translation>Das Plugin beim Import nicht aktivieren</translation>
    </message>
    <message>
        <source>This changes the privileges of plugin &quot;%1&quot;; it will have:</source>
        <translation>Dies ändert die Berechtigungen von Plugin „%1“; danach hat es:</translation>
    </message>
    <message>
        <source>   (new)</source>
        <translation>   (neu)</translation>
    </message>
</context>
<context>
    <name>LayerDecoder</name>
    <message>
        <source>layer is not a valid tar archive: %1</source>
        <translation>der Layer ist kein gültiges tar-Archiv: %1</translation>
    </message>
    <message>
        <source>the gzip data does not match its checksum</source>
        <translation>die gzip-Daten passen nicht zu ihrer Prüfsumme</translation>
    </message>
    <message>
        <source>invalid gzip header</source>
        <translation>ungültiger gzip-Kopf</translation>
    </message>
    <message>
        <source>the gzip data is damaged (ISA-L error %1)</source>
        <translation>die gzip-Daten sind beschädigt (ISA-L-Fehler %1)</translation>
    </message>
    <message>
        <source>cannot start zlib&apos;s inflate</source>
        <translation>die Dekompression von zlib lässt sich nicht starten</translation>
    </message>
    <message>
        <source>the gzip data is damaged (%1)</source>
        <translation>die gzip-Daten sind beschädigt (%1)</translation>
    </message>
    <message>
        <source>zlib&apos;s inflate failed (%1)</source>
        <translation>die Dekompression von zlib ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>cannot start zstd&apos;s decompressor</source>
        <translation>der Dekompressor von zstd lässt sich nicht starten</translation>
    </message>
    <message>
        <source>the zstd data is damaged (%1)</source>
        <translation>die zstd-Daten sind beschädigt (%1)</translation>
    </message>
    <message>
        <source>truncated gzip input</source>
        <translation>abgeschnittene gzip-Daten</translation>
    </message>
    <message>
        <source>truncated zstd input</source>
        <translation>abgeschnittene zstd-Daten</translation>
    </message>
</context>
<context>
    <name>LayerExtractor</name>
    <message>
        <source>LayerExtractor::feed() called after the layer was finished</source>
        <translation>LayerExtractor::feed() nach Abschluss des Layers aufgerufen</translation>
    </message>
    <message>
        <source>extracting the layer was cancelled</source>
        <translation>das Entpacken des Layers wurde abgebrochen</translation>
    </message>
    <message>
        <source>LayerExtractor::finish() called after apply()</source>
        <translation>LayerExtractor::finish() nach apply() aufgerufen</translation>
    </message>
    <message>
        <source>LayerExtractor::apply() called on a used extractor</source>
        <translation>LayerExtractor::apply() für einen bereits benutzten Extraktor aufgerufen</translation>
    </message>
    <message>
        <source>cannot read the layer: the device is not open for reading</source>
        <translation>der Layer kann nicht gelesen werden: das Gerät ist nicht zum Lesen geöffnet</translation>
    </message>
    <message>
        <source>cannot open the layer %1: %2</source>
        <translation>der Layer %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot read the layer: %1</source>
        <translation>der Layer kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: %1</source>
        <translation>der Layer ist kein gültiges tar-Archiv: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a hard link to &quot;%2&quot;, which would be outside the rootfs: the symbolic link &quot;%3&quot; leads out</source>
        <translation>Layer-Eintrag „%1“ ist ein harter Link auf „%2“, das außerhalb des rootfs läge: der symbolische Link „%3“ führt hinaus</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would land outside the rootfs: the symbolic link &quot;%2&quot; leads out</source>
        <translation>Layer-Eintrag „%1“ würde außerhalb des rootfs landen: der symbolische Link „%2“ führt hinaus</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; cannot be placed: too many levels of symbolic links at &quot;%2&quot;</source>
        <translation>Layer-Eintrag „%1“ kann nicht abgelegt werden: zu viele Ebenen symbolischer Links bei „%2“</translation>
    </message>
    <message>
        <source>cannot create layer entry &quot;%1&quot; as a hard link to &quot;%2&quot;: %3</source>
        <translation>Layer-Eintrag „%1“ kann nicht als harter Link auf „%2“ angelegt werden: %3</translation>
    </message>
    <message>
        <source>cannot create layer entry &quot;%1&quot; in %2: %3</source>
        <translation>Layer-Eintrag „%1“ kann nicht in %2 angelegt werden: %3</translation>
    </message>
    <message>
        <source>cannot open the rootfs %1: %2</source>
        <translation>das rootfs %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: an entry has no name</source>
        <translation>der Layer ist kein gültiges tar-Archiv: ein Eintrag hat keinen Namen</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; has a name of %2 bytes; the limit is %3</source>
        <translation>Layer-Eintrag „%1“ hat einen Namen von %2 Bytes; die Grenze liegt bei %3</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would land outside the rootfs</source>
        <translation>Layer-Eintrag „%1“ würde außerhalb des rootfs landen</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; links to a name of %2 bytes; the limit is %3</source>
        <translation>Layer-Eintrag „%1“ verweist auf einen Namen von %2 Bytes; die Grenze liegt bei %3</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a hard link to &quot;%2&quot;, which is outside the rootfs</source>
        <translation>Layer-Eintrag „%1“ ist ein harter Link auf „%2“, das außerhalb des rootfs liegt</translation>
    </message>
    <message>
        <source>layer is not a valid tar archive: the symbolic link &quot;%1&quot; has no target</source>
        <translation>der Layer ist kein gültiges tar-Archiv: der symbolische Link „%1“ hat kein Ziel</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; has a file type this extractor does not handle (%2)</source>
        <translation>Layer-Eintrag „%1“ hat einen Dateityp, den dieser Extraktor nicht verarbeitet (%2)</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; would replace the rootfs itself</source>
        <translation>Layer-Eintrag „%1“ würde das rootfs selbst ersetzen</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; is a whiteout for an invalid name</source>
        <translation>Layer-Eintrag „%1“ ist ein Whiteout für einen ungültigen Namen</translation>
    </message>
    <message>
        <source>cannot set the extended attribute %1 on layer entry &quot;%2&quot;: %3</source>
        <translation>das erweiterte Attribut %1 kann für Layer-Eintrag „%2“ nicht gesetzt werden: %3</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; (%2 bytes) does not fit in the %3 bytes left</source>
        <translation>Layer-Eintrag „%1“ (%2 Bytes) passt nicht in die verbleibenden %3 Bytes</translation>
    </message>
    <message>
        <source>layer entry &quot;%1&quot; holds more than the %2 bytes its header declares</source>
        <translation>Layer-Eintrag „%1“ enthält mehr als die %2 Bytes, die sein Header angibt</translation>
    </message>
    <message>
        <source>the layer&apos;s decompressor stopped with input left</source>
        <translation>der Dekompressor des Layers hielt an, obwohl noch Eingabe übrig war</translation>
    </message>
</context>
<context>
    <name>LayerWriter</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot start gzip compression</source>
        <translation>die gzip-Komprimierung kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>cannot start the layer %1: %2</source>
        <translation>der Layer %1 kann nicht begonnen werden: %2</translation>
    </message>
    <message>
        <source>cannot add %1 to the layer: %2</source>
        <translation>%1 kann nicht zum Layer hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read the folder %1</source>
        <translation>der Ordner %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
</context>
<context>
    <name>LibCurl</name>
    <message>
        <source>cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>cannot use %1: it lacks %2 (libcurl 7.85 or later is needed)</source>
        <translation>%1 ist nicht verwendbar: es fehlt %2 (libcurl 7.85 oder neuer wird benötigt)</translation>
    </message>
    <message>
        <source>cannot initialise %1: %2</source>
        <translation>%1 kann nicht initialisiert werden: %2</translation>
    </message>
</context>
<context>
    <name>LoginCommands</name>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation>WARNUNG! --password auf der Befehlszeile ist unsicher. Verwenden Sie --password-stdin.</translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation>--password und --password-stdin schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation>Mit --password-stdin muss --username angegeben werden</translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device</source>
        <translation>Eine interaktive Anmeldung ist ohne TTY-Gerät nicht möglich</translation>
    </message>
    <message>
        <source>Username: </source>
        <translation>Benutzername: </translation>
    </message>
    <message>
        <source>Username cannot be empty</source>
        <translation>Der Benutzername darf nicht leer sein</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>Passwort: </translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation>Anmeldung erfolgreich</translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation>Anmeldedaten für %1 werden entfernt</translation>
    </message>
    <message>
        <source>WARNING: could not erase credentials:</source>
        <translation>WARNUNG: Anmeldedaten konnten nicht gelöscht werden:</translation>
    </message>
    <message>
        <source>Authenticate to a registry.
Defaults to Docker Hub if no server is specified.</source>
        <translation>Bei einer Registry anmelden.
Ohne Angabe eines Servers wird Docker Hub verwendet.</translation>
    </message>
    <message>
        <source>Password or Personal Access Token (PAT)</source>
        <translation>Passwort oder Personal Access Token (PAT)</translation>
    </message>
    <message>
        <source>Take the Password or Personal Access Token (PAT) from stdin</source>
        <translation>Passwort oder Personal Access Token (PAT) von der Standardeingabe lesen</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Log out from a registry.
If no server is specified, the default is Docker Hub.</source>
        <translation>Von einer Registry abmelden.
Ohne Angabe eines Servers wird Docker Hub verwendet.</translation>
    </message>
</context>
<context>
    <name>Manifest</name>
    <message>
        <source>the manifest&apos;s %1 is not a valid descriptor (needs a sha256 digest and a size)</source>
        <translation>%1 des Manifests ist kein gültiger Deskriptor (braucht einen sha256-Digest und eine Größe)</translation>
    </message>
    <message>
        <source>the manifest is not a JSON object (%1)</source>
        <translation>das Manifest ist kein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>the manifest has schemaVersion %1; only schema 2 (Docker v2 and OCI) is supported</source>
        <translation>das Manifest hat schemaVersion %1; nur Schema 2 (Docker v2 und OCI) wird unterstützt</translation>
    </message>
    <message>
        <source>the manifest has the unsupported media type &quot;%1&quot;</source>
        <translation>das Manifest hat den nicht unterstützten Medientyp „%1“</translation>
    </message>
</context>
<context>
    <name>MonitorLauncher</name>
    <message>
        <source>flag needs an argument: %1</source>
        <translation>Option braucht ein Argument: %1</translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation>unbekannte Option: %1</translation>
    </message>
    <message>
        <source>--run, --id and --runc are required</source>
        <translation>--run, --id und --runc sind erforderlich</translation>
    </message>
    <message>
        <source>invalid plugin id &quot;%1&quot;</source>
        <translation>ungültige Plugin-ID „%1“</translation>
    </message>
    <message>
        <source>the plugin monitor %1 is missing or not executable</source>
        <translation>der Plugin-Monitor %1 fehlt oder ist nicht ausführbar</translation>
    </message>
    <message>
        <source>cannot start the plugin monitor: %1</source>
        <translation>der Plugin-Monitor kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>cannot start the plugin monitor</source>
        <translation>der Plugin-Monitor kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>invalid --control-fd &quot;%1&quot;</source>
        <translation>ungültiges --control-fd &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>MonitorStart</name>
    <message numerus="yes">
        <source>the plugin monitor did not take its lock within %n second(s)</source>
        <translation>
            <numerusform>der Plugin-Monitor hat seine Sperre nicht innerhalb von %n Sekunde genommen</numerusform>
            <numerusform>der Plugin-Monitor hat seine Sperre nicht innerhalb von %n Sekunden genommen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OciSpec</name>
    <message>
        <source>error gathering device information while adding device &quot;%1&quot;: no such file or directory</source>
        <translation>Fehler beim Ermitteln der Geräteinformationen beim Hinzufügen des Geräts „%1“: Datei oder Verzeichnis nicht gefunden</translation>
    </message>
    <message>
        <source>error gathering device information while adding device &quot;%1&quot;: not a device node</source>
        <translation>Fehler beim Ermitteln der Geräteinformationen beim Hinzufügen des Geräts „%1“: keine Gerätedatei</translation>
    </message>
    <message>
        <source>mount source is not specified</source>
        <translation>keine Quelle für den Einhängepunkt angegeben</translation>
    </message>
    <message>
        <source>device path is not specified</source>
        <translation>kein Gerätepfad angegeben</translation>
    </message>
</context>
<context>
    <name>PendingFile</name>
    <message>
        <source>&quot;%1&quot; does not name a file</source>
        <translation>„%1“ bezeichnet keine Datei</translation>
    </message>
    <message>
        <source>%1 is a folder; name a file to write</source>
        <translation>%1 ist ein Ordner; geben Sie eine Datei zum Schreiben an</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>%1 was already written</source>
        <translation>%1 wurde bereits geschrieben</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>PluginCommands</name>
    <message>
        <source>List plugins</source>
        <translation>Plugins auflisten</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;enabled=true&quot;, &quot;capability=volumedriver&quot;)</source>
        <translation>Filterwerte angeben (z. B. „enabled=true“, „capability=volumedriver“)</translation>
    </message>
    <message>
        <source>Format output: &quot;table&quot;, &quot;json&quot;, or a template such as &apos;{{.ID}}\t{{.Name}}&apos;</source>
        <translation>Ausgabeformat: „table“, „json“ oder eine Vorlage wie &apos;{{.ID}}\t{{.Name}}&apos;</translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation>Ausgabe nicht kürzen</translation>
    </message>
    <message>
        <source>Only display plugin IDs</source>
        <translation>Nur Plugin-IDs anzeigen</translation>
    </message>
    <message>
        <source>Display detailed information on one or more plugins</source>
        <translation>Ausführliche Informationen zu einem oder mehreren Plugins anzeigen</translation>
    </message>
    <message>
        <source>Format output: &quot;json&quot; (the default), or a template such as &apos;{{.Config.Interface.Socket}}&apos;</source>
        <translation>Ausgabeformat: „json“ (Vorgabe) oder eine Vorlage wie &apos;{{.Config.Interface.Socket}}&apos;</translation>
    </message>
    <message>
        <source>Change settings for a plugin</source>
        <translation>Einstellungen eines Plugins ändern</translation>
    </message>
    <message>
        <source>invalid argument &quot;%1&quot; for &quot;--timeout&quot; flag: strconv.ParseInt: parsing &quot;%1&quot;: invalid syntax</source>
        <translation>ungültiges Argument „%1“ für die Option „--timeout“: strconv.ParseInt: parsing &quot;%1&quot;: invalid syntax</translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation>das negative Zeitlimit %1 ist ungültig</translation>
    </message>
    <message>
        <source>invalid value &quot;%1&quot; for --tail: a number of lines or &quot;all&quot;</source>
        <translation>ungültiger Wert „%1“ für --tail: erwartet wird eine Zeilenzahl oder „all“</translation>
    </message>
    <message>
        <source>Create a plugin from a rootfs and configuration. Plugin data directory must contain config.json and rootfs directory.</source>
        <translation>Ein Plugin aus einem rootfs und einer Konfiguration erstellen. Das Plugin-Datenverzeichnis muss config.json und das Verzeichnis rootfs enthalten.</translation>
    </message>
    <message>
        <source>Accepted for compatibility with docker; Plugdesk reads the folder in place</source>
        <translation>Zur Kompatibilität mit docker akzeptiert; Plugdesk liest den Ordner an Ort und Stelle</translation>
    </message>
    <message>
        <source>Enable a plugin</source>
        <translation>Ein Plugin aktivieren</translation>
    </message>
    <message>
        <source>HTTP client timeout (in seconds) (default 30)</source>
        <translation>Zeitlimit des HTTP-Clients (in Sekunden) (Vorgabe 30)</translation>
    </message>
    <message>
        <source>Disable a plugin</source>
        <translation>Ein Plugin deaktivieren</translation>
    </message>
    <message>
        <source>Force the disable of an active plugin</source>
        <translation>Das Deaktivieren eines aktiven Plugins erzwingen</translation>
    </message>
    <message>
        <source>Show the output of a plugin</source>
        <translation>Die Ausgabe eines Plugins anzeigen</translation>
    </message>
    <message>
        <source>Follow log output</source>
        <translation>Der Protokollausgabe folgen</translation>
    </message>
    <message>
        <source>Number of lines to show from the end of the log (default &quot;all&quot;)</source>
        <translation>Anzahl der Zeilen, die vom Ende des Protokolls angezeigt werden (Vorgabe „all“)</translation>
    </message>
    <message>
        <source>invalid name: %1</source>
        <translation>ungültiger Name: %1</translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation>%1: Digest: %2 Größe: %3</translation>
    </message>
    <message>
        <source>Push a plugin to a registry</source>
        <translation>Ein Plugin in eine Registry hochladen</translation>
    </message>
    <message>
        <source>Accepted for compatibility with docker; ignored (default true)</source>
        <translation>Zur Kompatibilität mit docker akzeptiert; wird ignoriert (Vorgabe true)</translation>
    </message>
    <message>
        <source>Remove one or more plugins</source>
        <translation>Ein oder mehrere Plugins entfernen</translation>
    </message>
    <message>
        <source>Force the removal of an active plugin</source>
        <translation>Das Entfernen eines aktiven Plugins erzwingen</translation>
    </message>
    <message>
        <source>Grant the privileges the new settings give without asking</source>
        <translation>Die durch die neuen Einstellungen hinzukommenden Berechtigungen ohne Nachfrage gewähren</translation>
    </message>
    <message>
        <source>invalid --timeout &quot;%1&quot;: give a number of seconds</source>
        <translation>ungültiges --timeout „%1“: geben Sie eine Anzahl Sekunden an</translation>
    </message>
    <message>
        <source>Start an enabled plugin that is not running, or restart it (Plugdesk only)</source>
        <translation>Ein aktiviertes Plugin starten, das nicht läuft, oder es neu starten (nur Plugdesk)</translation>
    </message>
    <message>
        <source>Seconds to wait for the plugin to accept connections (default 30)</source>
        <translation>Sekunden, die auf Verbindungen zum Plugin gewartet wird (Vorgabe 30)</translation>
    </message>
    <message>
        <source>No such plugin: %1</source>
        <translation>Kein solches Plugin: %1</translation>
    </message>
</context>
<context>
    <name>PluginConfig</name>
    <message>
        <source>plugin config is not valid JSON: %1 at offset %2</source>
        <translation>die Plugin-Konfiguration ist kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>plugin config must be a JSON object</source>
        <translation>die Plugin-Konfiguration muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must not be empty</source>
        <translation>Feld „%1“ darf nicht leer sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must have the form &lt;prefix&gt;.&lt;capability&gt;/&lt;version&gt;, not &quot;%2&quot;</source>
        <translation>Feld „%1“ muss die Form &lt;Präfix&gt;.&lt;Fähigkeit&gt;/&lt;Version&gt; haben, nicht „%2“</translation>
    </message>
    <message>
        <source>field &quot;interface.socket&quot; must be a plain file name, not &quot;%1&quot;</source>
        <translation>Feld „interface.socket“ muss ein einfacher Dateiname sein, nicht „%1“</translation>
    </message>
    <message>
        <source>field &quot;interface.protocolscheme&quot;: plugin protocol not supported: %1</source>
        <translation>Feld „interface.protocolscheme“: Plugin-Protokoll wird nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>field &quot;network.type&quot; must be &quot;host&quot;, &quot;bridge&quot;, &quot;none&quot; or empty, not &quot;%1&quot;</source>
        <translation>Feld „network.type“ muss „host“, „bridge“, „none“ oder leer sein, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>PluginFilter</name>
    <message>
        <source>bad format of filter &apos;%1&apos; (expected name=value)</source>
        <translation>ungültiges Filterformat &apos;%1&apos; (erwartet: name=value)</translation>
    </message>
    <message>
        <source>invalid filter &apos;enabled=%1&apos;</source>
        <translation>ungültiger Filter &apos;enabled=%1&apos;</translation>
    </message>
    <message>
        <source>invalid filter &apos;capability=&apos;: a capability name is needed</source>
        <translation>ungültiger Filter &apos;capability=&apos;: ein Capability-Name wird benötigt</translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;</source>
        <translation>ungültiger Filter &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>PluginHttpClient</name>
    <message>
        <source>cannot initialise libcurl</source>
        <translation>libcurl kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>the plugin&apos;s answer to %1 is larger than %2 bytes</source>
        <translation>die Antwort des Plugins auf %1 ist größer als %2 Bytes</translation>
    </message>
    <message>
        <source>the plugin did not answer %1 on %2 within %3 ms</source>
        <translation>das Plugin hat %1 auf %2 nicht innerhalb von %3 ms beantwortet</translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <translation>%1 auf %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>PluginInstaller</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; already exists</source>
        <translation>Plugin „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>plugin must be disabled before upgrading: plugin %1 is enabled</source>
        <translation>das Plugin muss vor dem Aktualisieren deaktiviert werden: Plugin %1 ist aktiviert</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>Auflösen</translation>
    </message>
    <message>
        <source>%1: Pulling from %2</source>
        <translation>%1: Abrufen von %2</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest: %1</translation>
    </message>
    <message>
        <source>cannot read the plugin config of %1</source>
        <translation>die Plugin-Konfiguration von %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the plugin config of %1</source>
        <translation>die Plugin-Konfiguration von %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Warten</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot extract layer %1</source>
        <translation>Layer %1 kann nicht entpackt werden</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move the rootfs into %1</source>
        <translation>das rootfs kann nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation>Plugin „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>cannot remove the leftover %1</source>
        <translation>der Überrest %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot move %1 aside</source>
        <translation>%1 kann nicht beiseitegeschoben werden</translation>
    </message>
    <message>
        <source>cannot move the new rootfs into %1</source>
        <translation>das neue rootfs kann nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <source>the install stopped</source>
        <translation>die Installation wurde beendet</translation>
    </message>
    <message>
        <source>upgrade plugin %1</source>
        <translation>Aktualisieren von Plugin %1</translation>
    </message>
    <message>
        <source>install plugin %1</source>
        <translation>Installieren von Plugin %1</translation>
    </message>
    <message>
        <source>cannot create a staging folder in %1: %2</source>
        <translation>in %1 kann kein Zwischenordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>Committing</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>adding %1 to the store</source>
        <translation>%1 wird in den Plugin-Speicher aufgenommen</translation>
    </message>
    <message>
        <source>Enabling</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>enabling %1</source>
        <translation>%1 wird aktiviert</translation>
    </message>
    <message>
        <source>plugin %1 was installed but could not be enabled: %2 — it stays installed and disabled; see plugdeskctl plugin logs %1, then plugdeskctl plugin enable %1</source>
        <translation>Plugin %1 wurde installiert, konnte aber nicht aktiviert werden: %2 – es bleibt installiert und deaktiviert; siehe plugdeskctl plugin logs %1, danach plugdeskctl plugin enable %1</translation>
    </message>
</context>
<context>
    <name>PluginMonitor</name>
    <message>
        <source>stopped on request</source>
        <translation>auf Anforderung angehalten</translation>
    </message>
    <message numerus="yes">
        <source>the plugin crashed %n time(s) within %1 s; not restarting it again</source>
        <translation>
            <numerusform>das Plugin ist innerhalb von %1 s %n-mal abgestürzt; es wird nicht erneut gestartet</numerusform>
            <numerusform>das Plugin ist innerhalb von %1 s %n-mal abgestürzt; es wird nicht erneut gestartet</numerusform>
        </translation>
    </message>
    <message>
        <source>exited with status %1 before it was ready</source>
        <translation>endete mit Status %1, bevor es bereit war</translation>
    </message>
    <message>
        <source>exited before it was ready</source>
        <translation>endete, bevor es bereit war</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (last error: %2)</source>
        <translation>%1 (letzter Fehler: %2)</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>endete mit Status %1</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>beendet</translation>
    </message>
</context>
<context>
    <name>PluginRunner</name>
    <message>
        <source>enable plugin %1</source>
        <translation>Aktivieren von Plugin %1</translation>
    </message>
    <message>
        <source>disable plugin %1</source>
        <translation>Deaktivieren von Plugin %1</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation>Plugin „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>plugdesk-monitor was not found; set PLUGDESK_MONITOR or reinstall</source>
        <translation>plugdesk-monitor wurde nicht gefunden; setzen Sie PLUGDESK_MONITOR oder installieren Sie Plugdesk neu</translation>
    </message>
    <message>
        <source>the plugin monitor for %1 did not start; see %2</source>
        <translation>der Plugin-Monitor für %1 ist nicht gestartet; siehe %2</translation>
    </message>
    <message>
        <source>last log lines:</source>
        <translation>letzte Protokollzeilen:</translation>
    </message>
    <message>
        <source>see: plugdeskctl plugin logs %1</source>
        <translation>siehe: plugdeskctl plugin logs %1</translation>
    </message>
    <message>
        <source>enabling %1 was cancelled</source>
        <translation>das Aktivieren von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>plugin %1 failed to start: %2</source>
        <translation>Plugin %1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the monitor of plugin %1 exited before the plugin was ready</source>
        <translation>der Monitor von Plugin %1 wurde beendet, bevor das Plugin bereit war</translation>
    </message>
    <message numerus="yes">
        <source>plugin %1 did not accept connections on %2 within %n second(s)</source>
        <translation>
            <numerusform>Plugin %1 hat innerhalb von %n Sekunde keine Verbindungen auf %2 angenommen</numerusform>
            <numerusform>Plugin %1 hat innerhalb von %n Sekunden keine Verbindungen auf %2 angenommen</numerusform>
        </translation>
    </message>
    <message>
        <source>/Plugin.Activate answered %1: %2</source>
        <translation>/Plugin.Activate antwortete %1: %2</translation>
    </message>
    <message>
        <source>negative timeout %1 is invalid</source>
        <translation>das negative Zeitlimit %1 ist ungültig</translation>
    </message>
    <message>
        <source>plugin %1 is already enabled</source>
        <translation>Plugin %1 ist bereits aktiviert</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>cannot enable plugin %1</source>
        <translation>Plugin %1 kann nicht aktiviert werden</translation>
    </message>
    <message>
        <source>Waiting for %1 to accept connections</source>
        <translation>Warten, bis %1 Verbindungen annimmt</translation>
    </message>
    <message>
        <source>Activating %1</source>
        <translation>%1 wird aktiviert</translation>
    </message>
    <message>
        <source>plugin is already disabled: plugin %1 found but disabled</source>
        <translation>Plugin ist bereits deaktiviert: Plugin %1 gefunden, aber deaktiviert</translation>
    </message>
    <message>
        <source>cannot restore plugin %1: %2</source>
        <translation>Plugin %1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>cannot enable plugin %1: its settings give it privileges that were not approved:
%2
Approve them with plugdeskctl plugin set (which asks), or set them back</source>
        <translation>Plugin %1 kann nicht aktiviert werden: seine Einstellungen geben ihm Berechtigungen, die nicht genehmigt wurden:
%2
Genehmigen Sie sie mit plugdeskctl plugin set (das nachfragt), oder setzen Sie die Einstellungen zurück</translation>
    </message>
    <message>
        <source>%1 cannot start: its socket path %2 is longer than the %3 bytes a unix socket allows; use a shorter run folder (--run)</source>
        <translation>%1 kann nicht starten: sein Socket-Pfad %2 ist länger als die %3 Bytes, die ein Unix-Socket erlaubt; verwenden Sie ein kürzeres Laufzeitverzeichnis (--run)</translation>
    </message>
    <message>
        <source>%1 cannot start</source>
        <translation>%1 kann nicht starten</translation>
    </message>
    <message>
        <source>%1 is disabled; enable it to start it</source>
        <translation>%1 ist deaktiviert; aktivieren Sie es, um es zu starten</translation>
    </message>
    <message>
        <source>its monitor is gone (the machine restarted, or the monitor was killed); start it again</source>
        <translation>sein Monitor fehlt (der Rechner wurde neu gestartet oder der Monitor beendet); starten Sie es erneut</translation>
    </message>
    <message>
        <source>it has not been started since it was enabled; start it</source>
        <translation>es wurde seit dem Aktivieren nicht gestartet; starten Sie es</translation>
    </message>
    <message>
        <source>%1 started but did not activate: %2</source>
        <translation>%1 wurde gestartet, aber nicht aktiviert: %2</translation>
    </message>
    <message>
        <source>the plugin monitor for %1 did not start</source>
        <translation>der Plugin-Monitor für %1 ist nicht gestartet</translation>
    </message>
</context>
<context>
    <name>PluginRuntimeState</name>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
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
        <source>restarting (attempt %1)</source>
        <translation>startet neu (Versuch %1)</translation>
    </message>
    <message>
        <source>restarting (attempt %1, next try in %2 s)</source>
        <translation>startet neu (Versuch %1, nächster Versuch in %2 s)</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>its state cannot be read</source>
        <translation>sein Zustand kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>it was not started</source>
        <translation>es wurde nicht gestartet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PluginSocket</name>
    <message>
        <source>cannot open the plugin socket %1: %2</source>
        <translation>der Plugin-Socket %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>refusing the plugin socket %1: it is a symbolic link, not a socket</source>
        <translation>der Plugin-Socket %1 wird abgelehnt: er ist ein symbolischer Link, kein Socket</translation>
    </message>
    <message>
        <source>refusing the plugin socket %1: it is not a socket</source>
        <translation>der Plugin-Socket %1 wird abgelehnt: er ist kein Socket</translation>
    </message>
</context>
<context>
    <name>Privileges</name>
    <message>
        <source>%1 asks to mount a %2 filesystem at %3 (mount &quot;%4&quot;): kernel filesystems reach the host&apos;s kernel settings, devices or firmware, so Plugdesk never gives them to a plugin</source>
        <translation>%1 verlangt, ein %2-Dateisystem unter %3 einzuhängen (Einhängung „%4“): Kernel-Dateisysteme erreichen die Kerneleinstellungen, Geräte oder Firmware des Hosts, daher gibt Plugdesk sie nie einem Plugin</translation>
    </message>
</context>
<context>
    <name>PushPlugin</name>
    <message>
        <source>invalid name: %1</source>
        <translation>ungültiger Name: %1</translation>
    </message>
    <message>
        <source>plugin %1 has no layers to push: %2; a plugin from a hand-made store carries none. Make a pushable plugin with plugdeskctl plugin create NAME FOLDER (FOLDER holds config.json and rootfs/)</source>
        <translation>Plugin %1 hat keine Layer zum Hochladen: %2; ein Plugin aus einem von Hand angelegten Plugin-Speicher hat keine. Erstellen Sie ein hochladbares Plugin mit plugdeskctl plugin create NAME FOLDER (FOLDER enthält config.json und rootfs/)</translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation>Layer existiert bereits</translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>%1 hochladen</translation>
    </message>
    <message>
        <source>cannot push plugin %1</source>
        <translation>Plugin %1 kann nicht hochgeladen werden</translation>
    </message>
    <message>
        <source>the store records no layer for it</source>
        <translation>der Plugin-Speicher verzeichnet keinen Layer dafür</translation>
    </message>
    <message>
        <source>the store records no config blob for it</source>
        <translation>der Plugin-Speicher verzeichnet keinen Konfigurations-Blob dafür</translation>
    </message>
    <message>
        <source>blob %1 is not in %2</source>
        <translation>Blob %1 ist nicht in %2</translation>
    </message>
    <message>
        <source>the push of %1 was cancelled</source>
        <translation>das Hochladen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>The push refers to repository [%1]</source>
        <translation>Das Hochladen bezieht sich auf das Repository [%1]</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereiten</translation>
    </message>
    <message>
        <source>plugin %1 has no layers to export: %2; a plugin from a hand-made store carries none. Make an exportable plugin with plugdeskctl plugin create NAME FOLDER (FOLDER holds config.json and rootfs/)</source>
        <translation>Plugin %1 hat keine Layer zum Exportieren: %2; ein Plugin aus einem von Hand angelegten Plugin-Speicher hat keine. Erstellen Sie ein exportierbares Plugin mit plugdeskctl plugin create NAME FOLDER (FOLDER enthält config.json und rootfs/)</translation>
    </message>
</context>
<context>
    <name>Reference</name>
    <message>
        <source>invalid reference format: empty reference</source>
        <translation>ungültiges Referenzformat: leere Referenz</translation>
    </message>
    <message>
        <source>invalid repository name (%1), cannot specify 64-byte hexadecimal strings</source>
        <translation>ungültiger Repository-Name (%1), 64-Byte-Hexadezimalzeichenketten sind nicht erlaubt</translation>
    </message>
    <message>
        <source>invalid reference format: repository name (%1) must be lowercase</source>
        <translation>ungültiges Referenzformat: der Repository-Name (%1) muss kleingeschrieben sein</translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; has an unclosed &apos;[&apos;</source>
        <translation>ungültiges Referenzformat: die Domain „%1“ hat ein nicht geschlossenes &apos;[&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; is not a valid IPv6 address</source>
        <translation>ungültiges Referenzformat: die Domain „%1“ ist keine gültige IPv6-Adresse</translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; has characters after &apos;]&apos; that are not a port</source>
        <translation>ungültiges Referenzformat: die Domain „%1“ hat nach &apos;]&apos; Zeichen, die kein Port sind</translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation>ungültiges Referenzformat: die Domain „%1“ enthält ein ungültiges Zeichen &apos;%2&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: domain &quot;%1&quot; is not a valid host name: each part between dots must start and end with a letter or digit</source>
        <translation>ungültiges Referenzformat: die Domain „%1“ ist kein gültiger Hostname: jeder Teil zwischen Punkten muss mit einem Buchstaben oder einer Ziffer beginnen und enden</translation>
    </message>
    <message>
        <source>invalid reference format: port in domain &quot;%1&quot; must be a number</source>
        <translation>ungültiges Referenzformat: der Port in der Domain „%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation>ungültiges Referenzformat: „%1“ enthält ein ungültiges Zeichen &apos;%2&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty path component</source>
        <translation>ungültiges Referenzformat: „%1“ hat einen leeren Pfadbestandteil</translation>
    </message>
    <message>
        <source>invalid reference format: path component &quot;%1&quot; must start and end with a lowercase letter or digit, with only &apos;.&apos;, &apos;_&apos;, &apos;__&apos; or dashes between them</source>
        <translation>ungültiges Referenzformat: der Pfadbestandteil „%1“ muss mit einem Kleinbuchstaben oder einer Ziffer beginnen und enden, dazwischen sind nur &apos;.&apos;, &apos;_&apos;, &apos;__&apos; oder Bindestriche erlaubt</translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty tag after &apos;:&apos;</source>
        <translation>ungültiges Referenzformat: „%1“ hat ein leeres Tag nach &apos;:&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation>ungültiges Referenzformat: das Tag „%1“ enthält ein ungültiges Zeichen &apos;%2&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; must start with a letter, a digit or &apos;_&apos;</source>
        <translation>ungültiges Referenzformat: das Tag „%1“ muss mit einem Buchstaben, einer Ziffer oder &apos;_&apos; beginnen</translation>
    </message>
    <message>
        <source>invalid reference format: tag &quot;%1&quot; must not be more than %2 characters</source>
        <translation>ungültiges Referenzformat: das Tag „%1“ darf nicht länger als %2 Zeichen sein</translation>
    </message>
    <message>
        <source>invalid reference format: &quot;%1&quot; has an empty digest after &apos;@&apos;</source>
        <translation>ungültiges Referenzformat: „%1“ hat einen leeren Digest nach &apos;@&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; must be of the form algorithm:hex</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ muss die Form Algorithmus:Hex haben</translation>
    </message>
    <message>
        <source>invalid reference format: digest algorithm &quot;%1&quot; is malformed</source>
        <translation>ungültiges Referenzformat: der Digest-Algorithmus „%1“ ist fehlerhaft</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; contains an invalid character &apos;%2&apos;</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ enthält ein ungültiges Zeichen &apos;%2&apos;</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; is too short</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ ist zu kurz</translation>
    </message>
    <message>
        <source>repository name must not be more than %1 characters</source>
        <translation>der Repository-Name darf nicht länger als %1 Zeichen sein</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; uses an unsupported digest algorithm &quot;%2&quot;</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ verwendet den nicht unterstützten Digest-Algorithmus „%2“</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; has an invalid checksum digest length: %2 needs %3 hex digits, not %4</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ hat eine ungültige Prüfsummenlänge: %2 braucht %3 Hex-Ziffern, nicht %4</translation>
    </message>
    <message>
        <source>invalid reference format: digest &quot;%1&quot; has an invalid checksum digest format: hex digits must be lowercase</source>
        <translation>ungültiges Referenzformat: der Digest „%1“ hat ein ungültiges Prüfsummenformat: Hex-Ziffern müssen kleingeschrieben sein</translation>
    </message>
</context>
<context>
    <name>RegistryAuth</name>
    <message>
        <source>the registry login sent with the call is not a JSON object</source>
        <translation>die mit dem Aufruf gesendete Registry-Anmeldung ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>RegistryClient</name>
    <message>
        <source>cannot %1: the registry sent %2 bytes, more than the %3 bytes allowed</source>
        <translation>%1 nicht möglich: die Registry hat %2 Bytes gesendet, mehr als die erlaubten %3 Bytes</translation>
    </message>
    <message>
        <source>cannot %1: the registry sent more than the %2 bytes allowed</source>
        <translation>%1 nicht möglich: die Registry hat mehr als die erlaubten %2 Bytes gesendet</translation>
    </message>
    <message>
        <source>cannot %1: the registry redirected without a usable Location (%2)</source>
        <translation>%1 nicht möglich: die Registry hat ohne brauchbare Location umgeleitet (%2)</translation>
    </message>
    <message numerus="yes">
        <source> after %n tries</source>
        <translation>
            <numerusform> nach %n Versuch</numerusform>
            <numerusform> nach %n Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot %1: %2 did not answer within %3 seconds%4 — check the network, or that the registry is up</source>
        <translation>%1 nicht möglich: %2 hat%4 nicht innerhalb von %3 Sekunden geantwortet – prüfen Sie das Netzwerk und ob die Registry läuft</translation>
    </message>
    <message>
        <source>cannot %1: %2 closed the connection after %3 bytes%4 — try again later</source>
        <translation>%1 nicht möglich: %2 hat%4 die Verbindung nach %3 Bytes geschlossen – versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>cannot %1: the TLS handshake with %2 failed (%3) — if it uses its own CA, put it in /etc/docker/certs.d/%4/ca.crt</source>
        <translation>%1 nicht möglich: der TLS-Handshake mit %2 ist fehlgeschlagen (%3) – wenn die Registry eine eigene CA verwendet, legen Sie diese in /etc/docker/certs.d/%4/ca.crt ab</translation>
    </message>
    <message>
        <source>cannot %1: cannot connect to %2 (%3)%4 — check that the registry is running and reachable</source>
        <translation>%1 nicht möglich: keine Verbindung zu %2 (%3)%4 – prüfen Sie, ob die Registry läuft und erreichbar ist</translation>
    </message>
    <message>
        <source>cannot %1: cannot read %2: %3</source>
        <translation>%1 nicht möglich: %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>cannot %1: the registry&apos;s token server &quot;%2&quot; is not an http(s) URL</source>
        <translation>%1 nicht möglich: der Token-Server &quot;%2&quot; der Registry ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>cannot %1: %2</source>
        <translation>%1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>cannot %1: the registry requires a login (%2) — run plugdeskctl login %3</source>
        <translation>%1 nicht möglich: die Registry verlangt eine Anmeldung (%2) – führen Sie plugdeskctl login %3 aus</translation>
    </message>
    <message>
        <source>cannot %1: the registry refused the login for %2 (%3) — check that the repository exists and that this login may use it, or run plugdeskctl login %2 again</source>
        <translation>%1 nicht möglich: die Registry hat die Anmeldung für %2 abgelehnt (%3) – prüfen Sie, ob das Repository existiert und diese Anmeldung es nutzen darf, oder führen Sie plugdeskctl login %2 erneut aus</translation>
    </message>
    <message>
        <source>cannot %1: %2 stopped sending after %3 bytes and sent nothing more for %4 seconds%5 — check the network, or try again later</source>
        <translation>%1 nicht möglich: %2 hat nach %3 Bytes aufgehört zu senden und %4 Sekunden lang nichts mehr geschickt%5 – prüfen Sie das Netzwerk oder versuchen Sie es später erneut</translation>
    </message>
</context>
<context>
    <name>RegistryLogin</name>
    <message>
        <source>Log in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Username cannot be empty</source>
        <translation>Der Benutzername darf nicht leer sein</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>the login to %1 was cancelled</source>
        <translation>die Anmeldung bei %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>not logged in to %1</source>
        <translation>nicht bei %1 angemeldet</translation>
    </message>
    <message>
        <source>Log out of %1</source>
        <translation>Abmelden von %1</translation>
    </message>
    <message>
        <source>cannot erase the login</source>
        <translation>die Anmeldung kann nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>RemotePrivileges</name>
    <message>
        <source>Read the privileges of %1</source>
        <translation>Berechtigungen von %1 lesen</translation>
    </message>
    <message>
        <source>reading the privileges of %1 was cancelled</source>
        <translation>das Lesen der Berechtigungen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>cannot read the plugin config of %1</source>
        <translation>die Plugin-Konfiguration von %1 kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>RemoteTags</name>
    <message>
        <source>List the tags of %1</source>
        <translation>Tags von %1 auflisten</translation>
    </message>
    <message>
        <source>listing the tags of %1 was cancelled</source>
        <translation>das Auflisten der Tags von %1 wurde abgebrochen</translation>
    </message>
</context>
<context>
    <name>RemovePlugin</name>
    <message>
        <source>plugin %1 is enabled</source>
        <translation>Plugin %1 ist aktiviert</translation>
    </message>
    <message>
        <source>cannot remove plugin %1</source>
        <translation>Plugin %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>remove plugin %1</source>
        <translation>Entfernen von Plugin %1</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation>Plugin „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>cannot remove plugin %1: %2 is still mounted and cannot be unmounted</source>
        <translation>Plugin %1 kann nicht entfernt werden: %2 ist noch eingehängt und lässt sich nicht aushängen</translation>
    </message>
    <message>
        <source>cannot remove plugin %1: cannot rename %2: %3</source>
        <translation>Plugin %1 kann nicht entfernt werden: %2 kann nicht umbenannt werden: %3</translation>
    </message>
</context>
<context>
    <name>RemoveTree</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>a folder below it is still mounted</source>
        <translation>ein Ordner darunter ist noch eingehängt</translation>
    </message>
</context>
<context>
    <name>RuncRuntime</name>
    <message>
        <source>runc was not found; install the runc package</source>
        <translation>runc wurde nicht gefunden; installieren Sie das Paket runc</translation>
    </message>
    <message>
        <source>cannot prepare %1: %2</source>
        <translation>%1 kann nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>cannot prepare %1 in the plugin&apos;s rootfs: %2</source>
        <translation>%1 kann im rootfs des Plugins nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <source>the plugin&apos;s rootfs %1 does not exist</source>
        <translation>das rootfs %1 des Plugins existiert nicht</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot make %1 a shared mount: %2</source>
        <translation>%1 kann nicht als geteilter Einhängepunkt (shared mount) eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>cannot make %1 private: %2</source>
        <translation>der Zugriff auf %1 kann nicht auf den Eigentümer beschränkt werden: %2</translation>
    </message>
    <message>
        <source>%1 state %2 failed: %3</source>
        <translation>%1 state %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 kill %2 %3 failed: %4</source>
        <translation>%1 kill %2 %3 ist fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1 delete %2 failed: %3</source>
        <translation>%1 delete %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 list failed: %2</source>
        <translation>%1 list ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>RuntimeChoice</name>
    <message>
        <source>cannot check %1: %2</source>
        <translation>%1 kann nicht geprüft werden: %2</translation>
    </message>
    <message>
        <source>%1 belongs to user %2, not to root: a program root runs must be root&apos;s</source>
        <translation>%1 gehört dem Benutzer %2, nicht root: ein Programm, das root ausführt, muss root gehören</translation>
    </message>
    <message>
        <source>%1 may be written by others (mode %2): a program root runs must be replaceable by root alone</source>
        <translation>%1 darf von anderen geschrieben werden (Modus %2): ein Programm, das root ausführt, darf nur root ersetzen können</translation>
    </message>
    <message>
        <source>%1 was not found in %2; install the %1 package</source>
        <translation>%1 wurde in %2 nicht gefunden; installieren Sie das Paket %1</translation>
    </message>
    <message>
        <source>%1 (the runtime %2 names) was not found in %3; install the %1 package</source>
        <translation>%1 (die Laufzeit, die %2 nennt) wurde in %3 nicht gefunden; installieren Sie das Paket %1</translation>
    </message>
    <message>
        <source>neither runc nor crun was found in %1; install the runc package</source>
        <translation>weder runc noch crun wurde in %1 gefunden; installieren Sie das Paket runc</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at byte %3</source>
        <translation>%1 ist kein gültiges JSON: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>%1 must hold a JSON object such as {&quot;runtime&quot;: &quot;crun&quot;}</source>
        <translation>%1 muss ein JSON-Objekt enthalten, etwa {&quot;runtime&quot;: &quot;crun&quot;}</translation>
    </message>
    <message>
        <source>%1: unknown setting &quot;%2&quot;; the only one is &quot;runtime&quot;</source>
        <translation>%1: unbekannte Einstellung &quot;%2&quot;; die einzige ist &quot;runtime&quot;</translation>
    </message>
    <message>
        <source>%1: the runtime &quot;%2&quot; is refused: %3</source>
        <translation>%1: die Laufzeit &quot;%2&quot; wird abgelehnt: %3</translation>
    </message>
    <message>
        <source>it must be &quot;runc&quot; or &quot;crun&quot;, or the absolute path of one of them</source>
        <translation>sie muss &quot;runc&quot; oder &quot;crun&quot; sein oder der absolute Pfad eines der beiden</translation>
    </message>
    <message>
        <source>an absolute path must be a clean path that ends in /runc or /crun</source>
        <translation>ein absoluter Pfad muss ein bereinigter Pfad sein, der auf /runc oder /crun endet</translation>
    </message>
    <message>
        <source>it is not an executable file</source>
        <translation>sie ist keine ausführbare Datei</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>%1 belongs to user %2; it must belong to root, who runs what it names</source>
        <translation>%1 gehört dem Benutzer %2; die Datei muss root gehören, der ausführt, was sie nennt</translation>
    </message>
    <message>
        <source>%1 may be written by others (mode %2); make it writable by its owner alone (chmod 600)</source>
        <translation>%1 darf von anderen geschrieben werden (Modus %2); machen Sie die Datei nur für ihren Eigentümer schreibbar (chmod 600)</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 ist größer als %2 Bytes</translation>
    </message>
</context>
<context>
    <name>RuntimeStateFile</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 ist kein JSON-Objekt: %2</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>multiple fields are settable, one must be specified</source>
        <translation>mehrere Felder sind einstellbar, eines muss angegeben werden</translation>
    </message>
    <message>
        <source>plugin settings are not valid JSON: %1 at offset %2</source>
        <translation>die Plugin-Einstellungen sind kein gültiges JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>plugin settings must be a JSON object</source>
        <translation>die Plugin-Einstellungen müssen ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>invalid format, must be &lt;name&gt;[.&lt;field&gt;][=&lt;value&gt;]</source>
        <translation>ungültiges Format, erwartet wird &lt;Name&gt;[.&lt;Feld&gt;][=&lt;Wert&gt;]</translation>
    </message>
    <message>
        <source>%1 is not settable</source>
        <translation>%1 ist nicht einstellbar</translation>
    </message>
    <message>
        <source>Plugin config has no mount source</source>
        <translation>Die Plugin-Konfiguration hat keine Quelle für den Einhängepunkt</translation>
    </message>
    <message>
        <source>Plugin config has no device path</source>
        <translation>Die Plugin-Konfiguration hat keinen Gerätepfad</translation>
    </message>
    <message>
        <source>setting %1 not found in the plugin configuration</source>
        <translation>Einstellung %1 nicht in der Plugin-Konfiguration gefunden</translation>
    </message>
</context>
<context>
    <name>SnapshotCodec</name>
    <message>
        <source>the helper sent a snapshot of another format (%1 bytes that do not start as this version&apos;s do); are plugdesk and plugdesk-helper of the same version?</source>
        <translation>der Helfer hat einen Schnappschuss in einem anderen Format gesendet (%1 Bytes, die nicht wie die dieser Version beginnen); haben plugdesk und plugdesk-helper dieselbe Version?</translation>
    </message>
    <message>
        <source>the helper sent a snapshot that does not decode (%1 bytes, cut short or malformed)</source>
        <translation>der Helfer hat einen Schnappschuss gesendet, der sich nicht lesen lässt (%1 Bytes, abgeschnitten oder fehlerhaft)</translation>
    </message>
    <message>
        <source>the helper sent a snapshot with %1 bytes after its end</source>
        <translation>der Helfer hat einen Schnappschuss mit %1 Bytes nach seinem Ende gesendet</translation>
    </message>
    <message>
        <source>the helper sent a plugin without an id, repository or tag</source>
        <translation>der Helfer hat ein Plugin ohne ID, Repository oder Tag gesendet</translation>
    </message>
</context>
<context>
    <name>SocketProxy</name>
    <message>
        <source>malformed request line</source>
        <translation>fehlerhafte Anfragezeile</translation>
    </message>
    <message>
        <source>request body too large</source>
        <translation>Anfragerumpf zu groß</translation>
    </message>
    <message>
        <source>malformed chunked body</source>
        <translation>fehlerhafter Chunked-Rumpf</translation>
    </message>
    <message>
        <source>plugin calls are POST requests</source>
        <translation>Plugin-Aufrufe sind POST-Anfragen</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: it already points at %2</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: er zeigt bereits auf %2</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: a file of that name exists</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: eine Datei dieses Namens existiert bereits</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: another process serves it</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: ein anderer Prozess bedient ihn</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the socket path %1 is too long</source>
        <translation>der Socket-Pfad %1 ist zu lang</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: %2</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: %2</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: another program&apos;s socket has that name; it is left alone</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: ein Socket eines anderen Programms trägt diesen Namen; er bleibt unangetastet</translation>
    </message>
    <message>
        <source>cannot publish the socket as %1: it vanished</source>
        <translation>der Socket kann nicht als %1 veröffentlicht werden: er ist verschwunden</translation>
    </message>
</context>
<context>
    <name>SocketPublisher</name>
    <message>
        <source>plugin %1:%2 would publish its socket as %3.sock, the name under which plugin %4 publishes its own; use another name (for example --alias)</source>
        <translation>Plugin %1:%2 würde seinen Socket als %3.sock veröffentlichen, doch unter diesem Namen veröffentlicht bereits Plugin %4 seinen eigenen; verwenden Sie einen anderen Namen (zum Beispiel --alias)</translation>
    </message>
</context>
<context>
    <name>Spawn</name>
    <message>
        <source>no program to run</source>
        <translation>kein Programm zum Ausführen</translation>
    </message>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation>es kann keine Pipe angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>StartCheck</name>
    <message>
        <source>its rootfs %1 is missing; reinstall the plugin</source>
        <translation>sein Root-Dateisystem %1 fehlt; installieren Sie das Plugin neu</translation>
    </message>
    <message>
        <source>its entrypoint %1 does not exist in the plugin&apos;s rootfs</source>
        <translation>sein Einstiegspunkt %1 existiert nicht im Root-Dateisystem des Plugins</translation>
    </message>
    <message>
        <source>its entrypoint %1 is not a file in the plugin&apos;s rootfs</source>
        <translation>sein Einstiegspunkt %1 ist keine Datei im Root-Dateisystem des Plugins</translation>
    </message>
    <message>
        <source>its entrypoint %1 is not executable</source>
        <translation>sein Einstiegspunkt %1 ist nicht ausführbar</translation>
    </message>
    <message>
        <source>the source %1 of its mount %2 does not exist on this machine</source>
        <translation>die Quelle %1 seines Einhängepunkts %2 existiert auf diesem Rechner nicht</translation>
    </message>
    <message>
        <source>%1 cannot start: %2</source>
        <translation>%1 kann nicht starten: %2</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: not valid JSON at offset %2: %3</source>
        <translation>%1: kein gültiges JSON an Position %2: %3</translation>
    </message>
    <message>
        <source>%1: expected a JSON object</source>
        <translation>%1: JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: plugin &quot;%2&quot;: expected a JSON object</source>
        <translation>%1: Plugin „%2“: JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: plugin &quot;%2&quot;</source>
        <translation>%1: Plugin „%2“</translation>
    </message>
    <message>
        <source>%1: field &quot;Id&quot; must be lower-case hex, not &quot;%2&quot;</source>
        <translation>%1: Feld „Id“ muss kleingeschriebenes Hex sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot; is missing</source>
        <translation>%1: Feld „Name“ fehlt</translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot;: %2</source>
        <translation>%1: Feld „Name“: %2</translation>
    </message>
    <message>
        <source>%1: field &quot;Name&quot;: cannot use digest in plugin tag</source>
        <translation>%1: Feld „Name“: im Plugin-Tag ist kein Digest erlaubt</translation>
    </message>
    <message>
        <source>: field &quot;Manifest&quot;</source>
        <translation>: Feld „Manifest“</translation>
    </message>
    <message>
        <source>%1: field &quot;Manifest&quot; must be a JSON object</source>
        <translation>%1: Feld „Manifest“ muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1: no config: neither %2/%3, %2/%4 nor a &quot;Manifest&quot; field</source>
        <translation>%1: keine Konfiguration: weder %2/%3 noch %2/%4 noch ein Feld „Manifest“</translation>
    </message>
    <message>
        <source>: field &quot;Config&quot;</source>
        <translation>: Feld „Config“</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot remove the staging leftover %1</source>
        <translation>der übrig gebliebene Zwischenordner %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot remove the leftover %1</source>
        <translation>der Überrest %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>plugin name or id must not be empty</source>
        <translation>Plugin-Name oder -ID darf nicht leer sein</translation>
    </message>
    <message>
        <source>multiple plugins found for &quot;%1&quot;</source>
        <translation>mehrere Plugins für „%1“ gefunden</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation>Plugin „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>: field &quot;ApprovedPrivileges&quot;</source>
        <translation>: Feld „ApprovedPrivileges“</translation>
    </message>
    <message>
        <source>%1: field &quot;ApprovedPrivileges&quot; is not a list</source>
        <translation>%1: Feld „ApprovedPrivileges“ ist keine Liste</translation>
    </message>
    <message>
        <source>cannot make %1 private: %2</source>
        <translation>der Zugriff auf %1 kann nicht auf den Eigentümer beschränkt werden: %2</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot move the leftover %1 back</source>
        <translation>Der Überrest %1 kann nicht zurückverschoben werden</translation>
    </message>
    <message>
        <source>cannot move %1 back to %2</source>
        <translation>%1 kann nicht nach %2 zurückverschoben werden</translation>
    </message>
    <message>
        <source> — fix the file by hand; nothing was written</source>
        <translation> – korrigieren Sie die Datei von Hand; es wurde nichts geschrieben</translation>
    </message>
</context>
<context>
    <name>StoreLimits</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3 bytes)</source>
        <translation>%1 %2 (%3 Bytes)</translation>
    </message>
    <message>
        <source>%1=%2 is not a size: give bytes, or a number with K, M, G or T (4G, 512M)</source>
        <translation>%1=%2 ist keine Größe: geben Sie Bytes an oder eine Zahl mit K, M, G oder T (4G, 512M)</translation>
    </message>
    <message>
        <source>cannot tell the free space in %1: %2</source>
        <translation>der freie Speicherplatz in %1 kann nicht ermittelt werden: %2</translation>
    </message>
</context>
<context>
    <name>StoreLock</name>
    <message>
        <source>another process</source>
        <translation>ein anderer Prozess</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (pid %2)</source>
        <translation>„%1“ (PID %2)</translation>
    </message>
    <message>
        <source>cannot %1: cannot open the store %2: %3</source>
        <translation>%1 nicht möglich: der Plugin-Speicher %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>cannot %1: cannot lock the store %2: %3</source>
        <translation>%1 nicht möglich: der Plugin-Speicher %2 kann nicht gesperrt werden: %3</translation>
    </message>
    <message>
        <source>cannot %1: the store %2 is busy: %3 is changing it; try again when it has finished</source>
        <translation>%1 nicht möglich: der Plugin-Speicher %2 ist belegt: %3 ändert ihn gerade; versuchen Sie es erneut, wenn der Vorgang abgeschlossen ist</translation>
    </message>
</context>
<context>
    <name>TerminalAgent</name>
    <message>
        <source>waiting for authorisation (%1)…</source>
        <translation>warte auf Autorisierung (%1)…</translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>the token server %1 answered something that is not a JSON object (%2)</source>
        <translation>der Token-Server %1 hat etwas geantwortet, das kein JSON-Objekt ist (%2)</translation>
    </message>
    <message>
        <source>the token server %1 answered without a token</source>
        <translation>der Token-Server %1 hat ohne Token geantwortet</translation>
    </message>
</context>
<context>
    <name>UnpackBudget</name>
    <message>
        <source>layer %1: the manifest declares %2 of layers up to it, more than the %3 a plugin&apos;s rootfs may take (%4)</source>
        <translation>Layer %1: laut Manifest umfassen die Layer bis einschließlich dieses Layers %2, mehr als die %3, die das rootfs eines Plugins belegen darf (%4)</translation>
    </message>
    <message>
        <source>not enough free space in %1 for layer %2: the layers up to it are %3 and %4 stays free (%5), but only %6 is free</source>
        <translation>nicht genug freier Speicherplatz in %1 für Layer %2: die Layer bis einschließlich dieses Layers umfassen %3, die freizuhaltende Reserve beträgt %4 (%5), es sind aber nur %6 frei</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source>not enough free space in %1 to unpack %2: %3 is left, and %4 stays free (%5)</source>
        <translation>nicht genug freier Speicherplatz in %1 zum Entpacken von %2: noch verfügbar sind %3, die freizuhaltende Reserve beträgt %4 (%5)</translation>
    </message>
    <message>
        <source>%1 unpacks to more than the %2 a plugin&apos;s rootfs may take (%3): %4</source>
        <translation>%1 ergibt entpackt mehr als die %2, die das rootfs eines Plugins belegen darf (%3): %4</translation>
    </message>
</context>
<context>
    <name>VolumeBind</name>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot bind the mountpoint %1 of volume plugin %2 to %3: %4</source>
        <translation>der Einhängepunkt %1 des Volume-Plugins %2 kann nicht an %3 gebunden werden: %4</translation>
    </message>
</context>
<context>
    <name>VolumeCommands</name>
    <message>
        <source>bad format of filter (expected name=value)</source>
        <translation>ungültiges Filterformat (erwartet: name=value)</translation>
    </message>
    <message>
        <source>invalid filter &apos;%1&apos;</source>
        <translation>ungültiger Filter &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unsupported format &quot;%1&quot;: use &quot;table&quot; or &quot;json&quot;</source>
        <translation>nicht unterstütztes Format „%1“: verwenden Sie „table“ oder „json“</translation>
    </message>
    <message>
        <source>driver %1: %2</source>
        <translation>Treiber %1: %2</translation>
    </message>
    <message>
        <source>conflicting options: either specify --name or provide positional arg, not both</source>
        <translation>widersprüchliche Optionen: geben Sie entweder --name oder ein Positionsargument an, nicht beides</translation>
    </message>
    <message>
        <source>Plugdesk has no built-in volume driver: name one with -d DRIVER</source>
        <translation>Plugdesk hat keinen eingebauten Volume-Treiber: geben Sie einen mit -d DRIVER an</translation>
    </message>
    <message>
        <source>invalid key/value pair format in driver options</source>
        <translation>ungültiges Schlüssel/Wert-Paar-Format in den Treiberoptionen</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>Volumes auflisten</translation>
    </message>
    <message>
        <source>Provide filter values (e.g. &quot;driver=acme/testvol&quot;)</source>
        <translation>Filterwerte angeben (z. B. „driver=acme/testvol“)</translation>
    </message>
    <message>
        <source>Format output: &quot;table&quot; (the default) or &quot;json&quot;</source>
        <translation>Ausgabeformat: „table“ (Vorgabe) oder „json“</translation>
    </message>
    <message>
        <source>Only display volume names</source>
        <translation>Nur Volume-Namen anzeigen</translation>
    </message>
    <message>
        <source>Create a volume</source>
        <translation>Ein Volume erstellen</translation>
    </message>
    <message>
        <source>Specify volume driver name</source>
        <translation>Name des Volume-Treibers angeben</translation>
    </message>
    <message>
        <source>Specify volume name</source>
        <translation>Volume-Namen angeben</translation>
    </message>
    <message>
        <source>Set driver specific options (default map[])</source>
        <translation>Treiberspezifische Optionen setzen (Vorgabe map[])</translation>
    </message>
    <message>
        <source>Display detailed information on one or more volumes</source>
        <translation>Ausführliche Informationen zu einem oder mehreren Volumes anzeigen</translation>
    </message>
    <message>
        <source>Remove one or more volumes</source>
        <translation>Ein oder mehrere Volumes entfernen</translation>
    </message>
    <message>
        <source>Force the removal of one or more volumes</source>
        <translation>Das Entfernen eines oder mehrerer Volumes erzwingen</translation>
    </message>
    <message>
        <source>Mount a volume and print the host path where its files can be reached</source>
        <translation>Ein Volume einhängen und den Host-Pfad ausgeben, unter dem seine Dateien erreichbar sind</translation>
    </message>
    <message>
        <source>Unmount a volume mounted with &quot;volume mount&quot;</source>
        <translation>Ein mit „volume mount“ eingehängtes Volume aushängen</translation>
    </message>
</context>
<context>
    <name>VolumeDriverClient</name>
    <message>
        <source>cannot initialise libcurl</source>
        <translation>libcurl kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>%1: the answer is larger than %2 bytes</source>
        <translation>%1: die Antwort ist größer als %2 Bytes</translation>
    </message>
    <message>
        <source>%1: timed out after %2 s</source>
        <translation>%1: Zeitüberschreitung nach %2 s</translation>
    </message>
    <message>
        <source>%1 was cancelled</source>
        <translation>%1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1: the plugin&apos;s answer is not a JSON object: %2</source>
        <translation>%1: die Antwort des Plugins ist kein JSON-Objekt: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the plugin&apos;s socket %1 does not exist (the plugin is not running)</source>
        <translation>der Socket %1 des Plugins existiert nicht (das Plugin läuft nicht)</translation>
    </message>
    <message>
        <source>the plugin&apos;s socket does not answer (connection refused)</source>
        <translation>der Socket des Plugins antwortet nicht (Verbindung abgelehnt)</translation>
    </message>
    <message>
        <source>cannot connect to the plugin&apos;s socket (%1)</source>
        <translation>keine Verbindung zum Socket des Plugins (%1)</translation>
    </message>
    <message>
        <source>the connection to the plugin failed (%1)</source>
        <translation>die Verbindung zum Plugin ist fehlgeschlagen (%1)</translation>
    </message>
</context>
<context>
    <name>VolumeDriverInfo</name>
    <message>
        <source>cannot resolve the mountpoint %1 of volume plugin %2: %3: %4</source>
        <translation>der Einhängepunkt %1 des Volume-Plugins %2 kann nicht aufgelöst werden: %3: %4</translation>
    </message>
    <message>
        <source>cannot resolve the mountpoint %1 of volume plugin %2: %3</source>
        <translation>der Einhängepunkt %1 des Volume-Plugins %2 kann nicht aufgelöst werden: %3</translation>
    </message>
    <message>
        <source>volume plugin %1 answered the mountpoint %2, which leads out of %3; refusing it</source>
        <translation>das Volume-Plugin %1 hat mit dem Einhängepunkt %2 geantwortet, der aus %3 hinausführt; er wird abgelehnt</translation>
    </message>
    <message>
        <source>the mountpoint %1 of volume plugin %2 does not exist</source>
        <translation>der Einhängepunkt %1 des Volume-Plugins %2 existiert nicht</translation>
    </message>
    <message>
        <source>volume plugin %1 answered the mountpoint %2, which leads out of %3 through a symbolic link (%4); refusing it</source>
        <translation>das Volume-Plugin %1 nannte den Einhängepunkt %2, der über einen symbolischen Link (%4) aus %3 herausführt; abgelehnt</translation>
    </message>
</context>
<context>
    <name>VolumeRecords</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2</source>
        <translation>%1 ist kein gültiges JSON: %2</translation>
    </message>
</context>
<context>
    <name>VolumeService</name>
    <message>
        <source>error looking up volume plugin %1</source>
        <translation>Fehler beim Suchen des Volume-Plugins %1</translation>
    </message>
    <message>
        <source>plugin %1 does not implement docker.volumedriver</source>
        <translation>Plugin %1 implementiert docker.volumedriver nicht</translation>
    </message>
    <message>
        <source>plugin %1 found but disabled</source>
        <translation>Plugin %1 gefunden, aber deaktiviert</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>get %1: no such volume</source>
        <translation>get %1: kein solches Volume</translation>
    </message>
    <message>
        <source>create %1: driver &apos;%2&apos; already has volume &apos;%1&apos;: volume name must be unique</source>
        <translation>create %1: Treiber &apos;%2&apos; hat bereits ein Volume &apos;%1&apos;: der Volume-Name muss eindeutig sein</translation>
    </message>
    <message>
        <source>create %1: VolumeDriver.Create: %2</source>
        <translation>create %1: VolumeDriver.Create: %2</translation>
    </message>
    <message>
        <source>record volume %1</source>
        <translation>Erfassen von Volume %1</translation>
    </message>
    <message>
        <source>remove %1: volume is in use - [%2]</source>
        <translation>remove %1: Volume wird verwendet - [%2]</translation>
    </message>
    <message>
        <source>remove %1: VolumeDriver.Remove: %2</source>
        <translation>remove %1: VolumeDriver.Remove: %2</translation>
    </message>
    <message>
        <source>forget volume %1</source>
        <translation>Vergessen von Volume %1</translation>
    </message>
    <message>
        <source>mount %1: VolumeDriver.Mount: %2</source>
        <translation>mount %1: VolumeDriver.Mount: %2</translation>
    </message>
    <message>
        <source>record the mount of volume %1</source>
        <translation>Erfassen des Einhängens von Volume %1</translation>
    </message>
    <message>
        <source>volume %1 is not mounted through Plugdesk</source>
        <translation>Volume %1 ist nicht über Plugdesk eingehängt</translation>
    </message>
    <message>
        <source>unmount %1: the driver %2 is not enabled</source>
        <translation>unmount %1: der Treiber %2 ist nicht aktiviert</translation>
    </message>
    <message>
        <source>unmount %1: VolumeDriver.Unmount: %2</source>
        <translation>unmount %1: VolumeDriver.Unmount: %2</translation>
    </message>
    <message>
        <source>record the unmount of volume %1</source>
        <translation>Erfassen des Aushängens von Volume %1</translation>
    </message>
    <message>
        <source>plugin %1 is in use: volumes mounted through Plugdesk: %2; unmount them or use --force</source>
        <translation>Plugin %1 wird verwendet: über Plugdesk eingehängte Volumes: %2; hängen Sie sie aus oder verwenden Sie --force</translation>
    </message>
    <message>
        <source>forget the mounts of plugin %1</source>
        <translation>Vergessen der Einhängungen von Plugin %1</translation>
    </message>
    <message>
        <source>its monitor is not alive</source>
        <translation>sein Monitor läuft nicht</translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>läuft nicht: %1</translation>
    </message>
    <message>
        <source>plugin %1 is %2</source>
        <translation>Plugin %1 %2</translation>
    </message>
    <message>
        <source>volume %1 belongs to driver %2, which is %3</source>
        <translation>Volume %1 gehört zum Treiber %2, und dieser %3</translation>
    </message>
    <message>
        <source>get %1: VolumeDriver.Get: %2</source>
        <translation>get %1: VolumeDriver.Get: %2</translation>
    </message>
    <message>
        <source>create %1: cannot check that the name is unique: %2</source>
        <translation>create %1: Es lässt sich nicht prüfen, ob der Name eindeutig ist: %2</translation>
    </message>
</context>
<context>
    <name>core::ConnectionUrl</name>
    <message>
        <source>invalid connection URL &quot;%1&quot;: %2</source>
        <translation>ungültige Verbindungs-URL „%1“: %2</translation>
    </message>
    <message>
        <source>expected plugdesk://, unix:///PATH or ssh://[USER@]HOST[:PORT]</source>
        <translation>erwartet plugdesk://, unix:///PFAD oder ssh://[BENUTZER@]HOST[:PORT]</translation>
    </message>
    <message>
        <source>a plugdesk URL names no host; a store is plugdesk:///PATH</source>
        <translation>eine plugdesk-URL nennt keinen Host; ein Speicher ist plugdesk:///PFAD</translation>
    </message>
    <message>
        <source>a unix URL needs an absolute socket path, as in unix:///var/run/docker.sock</source>
        <translation>eine unix-URL braucht einen absoluten Socket-Pfad, etwa unix:///var/run/docker.sock</translation>
    </message>
    <message>
        <source>expected ssh://[USER@]HOST[:PORT]</source>
        <translation>erwartet ssh://[BENUTZER@]HOST[:PORT]</translation>
    </message>
    <message>
        <source>a password does not belong in the URL; ssh asks for it or uses your keys</source>
        <translation>ein Passwort gehört nicht in die URL; ssh fragt danach oder nutzt Ihre Schlüssel</translation>
    </message>
    <message>
        <source>an ssh URL takes no path</source>
        <translation>eine ssh-URL hat keinen Pfad</translation>
    </message>
    <message>
        <source>an ssh URL takes no query or fragment</source>
        <translation>eine ssh-URL hat keine Abfrage und kein Fragment</translation>
    </message>
    <message>
        <source>unknown scheme &quot;%1&quot;: use plugdesk://, unix:// or ssh://</source>
        <translation>unbekanntes Schema „%1“: plugdesk://, unix:// oder ssh:// verwenden</translation>
    </message>
</context>
<context>
    <name>core::DockerCall</name>
    <message>
        <source>the Docker request has not finished</source>
        <translation>die Docker-Anfrage ist noch nicht beendet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 did not answer %2 %3 within %4 s</source>
        <translation>der Docker-Daemon unter %1 hat %2 %3 nicht innerhalb von %4 s beantwortet</translation>
    </message>
    <message>
        <source>no such socket (is dockerd running, and is this its -H socket?)</source>
        <translation>kein solcher Socket (läuft dockerd, und ist das sein -H-Socket?)</translation>
    </message>
    <message>
        <source>connection refused (is dockerd running?)</source>
        <translation>Verbindung abgelehnt (läuft dockerd?)</translation>
    </message>
    <message>
        <source>permission denied (the socket belongs to root and the docker group)</source>
        <translation>Zugriff verweigert (der Socket gehört root und der Gruppe docker)</translation>
    </message>
    <message>
        <source>cannot connect to the Docker daemon at unix://%1: %2</source>
        <translation>keine Verbindung zum Docker-Daemon unter unix://%1: %2</translation>
    </message>
    <message>
        <source>cannot run %1 to reach %2: %3</source>
        <translation>%1 kann nicht gestartet werden, um %2 zu erreichen: %3</translation>
    </message>
    <message>
        <source>%1 has no docker command: `docker system dial-stdio` was not found on the remote host (install Docker there, or put docker on the PATH of that account&apos;s non-interactive shell)%2</source>
        <translation>%1 hat keinen docker-Befehl: `docker system dial-stdio` wurde auf dem entfernten Host nicht gefunden (installieren Sie dort Docker oder nehmen Sie docker in den PATH der nicht interaktiven Shell dieses Kontos auf)%2</translation>
    </message>
    <message>
        <source>ssh to %1 failed: %2</source>
        <translation>ssh zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>exit status 255</source>
        <translation>Exit-Status 255</translation>
    </message>
    <message>
        <source>the connection to the Docker daemon at %1 ended before it answered (%2)%3</source>
        <translation>die Verbindung zum Docker-Daemon unter %1 endete, bevor er antwortete (%2)%3</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>Exit-Status %1</translation>
    </message>
    <message>
        <source>ssh was killed</source>
        <translation>ssh wurde beendet</translation>
    </message>
    <message>
        <source>%1 is not a Docker Engine URL (expected unix:///PATH or ssh://[USER@]HOST[:PORT])</source>
        <translation>%1 ist keine Docker-Engine-URL (erwartet unix:///PFAD oder ssh://[BENUTZER@]HOST[:PORT])</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 closed the connection before it answered %2 %3</source>
        <translation>der Docker-Daemon unter %1 hat die Verbindung geschlossen, bevor er %2 %3 beantwortete</translation>
    </message>
    <message>
        <source>the Docker daemon at %1</source>
        <translation>der Docker-Daemon unter %1</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 sent a progress line of over %2 MiB for %3 %4</source>
        <translation>der Docker-Daemon unter %1 hat für %3 %4 eine Fortschrittszeile von über %2 MiB gesendet</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 answered %2 %3 with over %4 MiB</source>
        <translation>der Docker-Daemon unter %1 hat %2 %3 mit über %4 MiB beantwortet</translation>
    </message>
</context>
<context>
    <name>core::DockerClient</name>
    <message>
        <source>the Docker daemon answered something that is not JSON (%1): %2</source>
        <translation>der Docker-Daemon hat etwas geantwortet, das kein JSON ist (%1): %2</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 did not say which API version it speaks (no API-Version from /_ping, no ApiVersion from /version)</source>
        <translation>der Docker-Daemon unter %1 hat nicht gesagt, welche API-Version er spricht (kein API-Version von /_ping, kein ApiVersion von /version)</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 (Docker %2) speaks API %3; Plugdesk needs API %4 or later (Docker 20.10 or later)</source>
        <translation>der Docker-Daemon unter %1 (Docker %2) spricht API %3; Plugdesk braucht API %4 oder neuer (Docker 20.10 oder neuer)</translation>
    </message>
    <message>
        <source>the Docker daemon answered HTTP status %1</source>
        <translation>der Docker-Daemon hat mit HTTP-Status %1 geantwortet</translation>
    </message>
    <message>
        <source>the Docker daemon reported an error</source>
        <translation>der Docker-Daemon hat einen Fehler gemeldet</translation>
    </message>
</context>
<context>
    <name>core::DockerEngine</name>
    <message>
        <source>cannot start gunzip</source>
        <translation>gunzip kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1: not a gzip stream</source>
        <translation>%1: kein gzip-Strom</translation>
    </message>
    <message>
        <source>%1: the gzip stream is cut short</source>
        <translation>%1: der gzip-Strom ist abgeschnitten</translation>
    </message>
    <message>
        <source>Docker Engine at %1</source>
        <translation>Docker Engine unter %1</translation>
    </message>
    <message>
        <source>the Docker daemon listed a plugin without an Id or Name: %1</source>
        <translation>der Docker-Daemon hat ein Plugin ohne Id oder Name aufgeführt: %1</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot;: Config</source>
        <translation>Plugin „%1“: Config</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot;: Settings</source>
        <translation>Plugin „%1“: Settings</translation>
    </message>
    <message>
        <source>the Docker daemon at %1 answered GET /plugins with no list</source>
        <translation>der Docker-Daemon unter %1 hat GET /plugins ohne Liste beantwortet</translation>
    </message>
    <message>
        <source>Reload %1</source>
        <translation>%1 neu laden</translation>
    </message>
    <message>
        <source>the plugin list was not read</source>
        <translation>die Plugin-Liste wurde nicht gelesen</translation>
    </message>
    <message>
        <source>the plugins of the Docker daemon at %1 have not been read yet</source>
        <translation>die Plugins des Docker-Daemons unter %1 wurden noch nicht gelesen</translation>
    </message>
    <message>
        <source>plugin &quot;%1&quot; not found</source>
        <translation>Plugin „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 einstellen</translation>
    </message>
    <message>
        <source>this setting gives plugin %1 privileges nobody approved: %2; approve them (plugdeskctl plugin set asks) to apply it</source>
        <translation>diese Einstellung gibt Plugin %1 Rechte, die niemand genehmigt hat: %2; genehmigen Sie sie (plugdeskctl plugin set fragt danach), um sie anzuwenden</translation>
    </message>
    <message>
        <source>incorrect privileges</source>
        <translation>falsche Rechte</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>packing %1</source>
        <translation>%1 wird gepackt</translation>
    </message>
    <message>
        <source>cannot pack %1</source>
        <translation>%1 kann nicht gepackt werden</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>sending %1</source>
        <translation>%1 wird gesendet</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>plugin %1 is not enabled: enable it instead</source>
        <translation>Plugin %1 ist nicht aktiviert: aktivieren Sie es stattdessen</translation>
    </message>
    <message>
        <source>plugin %1 was disabled to restart it, and enabling it again failed</source>
        <translation>Plugin %1 wurde zum Neustart deaktiviert, und es wieder zu aktivieren ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation>Protokoll von %1</translation>
    </message>
    <message>
        <source>the Docker Engine API has no plugin logs: dockerd writes a plugin&apos;s output into its own log (on %1: `journalctl -u docker.service`, lines with plugin=&lt;id&gt;)</source>
        <translation>die Docker-Engine-API hat keine Plugin-Protokolle: dockerd schreibt die Ausgabe eines Plugins in sein eigenes Protokoll (auf %1: `journalctl -u docker.service`, Zeilen mit plugin=&lt;id&gt;)</translation>
    </message>
    <message>
        <source>the Docker Engine API has no plugin logs: dockerd writes a plugin&apos;s output into its own log (on %1: `journalctl -u docker.service -f`)</source>
        <translation>die Docker-Engine-API hat keine Plugin-Protokolle: dockerd schreibt die Ausgabe eines Plugins in sein eigenes Protokoll (auf %1: `journalctl -u docker.service -f`)</translation>
    </message>
    <message>
        <source>Privileges of %1</source>
        <translation>Rechte von %1</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>%1 hochladen</translation>
    </message>
    <message>
        <source>invalid name: %1</source>
        <translation>ungültiger Name: %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
    <message>
        <source>Enabling</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>enabling %1</source>
        <translation>%1 wird aktiviert</translation>
    </message>
    <message>
        <source>plugin %1 was installed but stays disabled</source>
        <translation>Plugin %1 wurde installiert, bleibt aber deaktiviert</translation>
    </message>
    <message>
        <source>plugin %1 was installed but its settings were refused</source>
        <translation>Plugin %1 wurde installiert, aber seine Einstellungen wurden abgelehnt</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Docker has no plugin bundles: push the plugin to a registry instead (plugin push), or export it from a Plugdesk store (plugdesk://)</source>
        <translation>Docker kennt keine Plugin-Bündel: laden Sie das Plugin stattdessen in eine Registry hoch (plugin push) oder exportieren Sie es aus einem Plugdesk-Speicher (plugdesk://)</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Docker has no plugin bundles: import the bundle into a Plugdesk store (plugdesk://), push it to a registry from there, and install it from the registry</source>
        <translation>Docker kennt keine Plugin-Bündel: importieren Sie das Bündel in einen Plugdesk-Speicher (plugdesk://), laden Sie es von dort in eine Registry hoch und installieren Sie es aus der Registry</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>Volumes auflisten</translation>
    </message>
    <message>
        <source>Inspect volume %1</source>
        <translation>Volume %1 untersuchen</translation>
    </message>
    <message>
        <source>Create volume %1</source>
        <translation>Volume %1 erstellen</translation>
    </message>
    <message>
        <source>Remove volume %1</source>
        <translation>Volume %1 entfernen</translation>
    </message>
    <message>
        <source>Mount volume %1</source>
        <translation>Volume %1 einhängen</translation>
    </message>
    <message>
        <source>Docker mounts volumes only for containers: run a container with the volume (docker run --mount type=volume,source=%1,target=/data ...) on %2</source>
        <translation>Docker hängt Volumes nur für Container ein: starten Sie einen Container mit dem Volume (docker run --mount type=volume,source=%1,target=/data ...) auf %2</translation>
    </message>
    <message>
        <source>Unmount volume %1</source>
        <translation>Volume %1 aushängen</translation>
    </message>
    <message>
        <source>Docker mounts volumes only for containers: a volume is unmounted when the last container using it on %1 stops</source>
        <translation>Docker hängt Volumes nur für Container ein: ein Volume wird ausgehängt, wenn der letzte Container auf %1, der es nutzt, endet</translation>
    </message>
</context>
<context>
    <name>core::HelperEngine</name>
    <message>
        <source>plugdesk-helper on the system bus</source>
        <translation>plugdesk-helper auf dem Systembus</translation>
    </message>
    <message>
        <source>plugdesk-helper on %1</source>
        <translation>plugdesk-helper auf %1</translation>
    </message>
    <message>
        <source>cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?</source>
        <translation>der Plugdesk-Helfer (%1) ist nicht erreichbar: %2; ist plugdesk-helper installiert?</translation>
    </message>
    <message>
        <source>the bus refused the call to the Plugdesk helper: %1</source>
        <translation>der Bus hat den Aufruf an den Plugdesk-Helfer abgelehnt: %1</translation>
    </message>
    <message>
        <source>the Plugdesk helper did not answer: %1</source>
        <translation>der Plugdesk-Helfer hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>the Plugdesk helper failed: %1: %2</source>
        <translation>der Plugdesk-Helfer ist fehlgeschlagen: %1: %2</translation>
    </message>
    <message>
        <source>cannot connect to the bus of the Plugdesk helper (%1): %2</source>
        <translation>keine Verbindung zum Bus des Plugdesk-Helfers (%1): %2</translation>
    </message>
    <message>
        <source>the system bus</source>
        <translation>dem Systembus</translation>
    </message>
    <message>
        <source>the Plugdesk helper sent no reply to %1</source>
        <translation>der Plugdesk-Helfer hat keine Antwort auf %1 gesendet</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>following a log (-f) needs read access to the plugin&apos;s log file, which the helper keeps under its run root; run plugdeskctl as root to follow it, or read it again without -f</source>
        <translation>zum Verfolgen eines Protokolls (-f) ist Lesezugriff auf die Protokolldatei des Plugins nötig, die der Helfer in seinem Laufzeitverzeichnis ablegt; führen Sie plugdeskctl als root aus, um ihm zu folgen, oder lesen Sie es erneut ohne -f</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>%1 hochladen</translation>
    </message>
    <message>
        <source>invalid name: %1</source>
        <translation>ungültiger Name: %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>Volumes auflisten</translation>
    </message>
    <message>
        <source>Inspect volume %1</source>
        <translation>Volume %1 untersuchen</translation>
    </message>
    <message>
        <source>Create volume %1</source>
        <translation>Volume %1 erstellen</translation>
    </message>
    <message>
        <source>Remove volume %1</source>
        <translation>Volume %1 entfernen</translation>
    </message>
    <message>
        <source>Mount volume %1</source>
        <translation>Volume %1 einhängen</translation>
    </message>
    <message>
        <source>Unmount volume %1</source>
        <translation>Volume %1 aushängen</translation>
    </message>
    <message>
        <source>cannot %1 through the Plugdesk helper: the bus connection cannot pass the file to it (no file descriptor passing); run the command as root, which needs no helper</source>
        <translation>%1 über den Plugdesk-Helfer nicht möglich: die Busverbindung kann ihm die Datei nicht übergeben (keine Übergabe von Dateideskriptoren); führen Sie den Befehl als root aus, dann wird kein Helfer benötigt</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>export plugins</source>
        <translation>Exportieren von Plugins</translation>
    </message>
    <message>
        <source>cannot export plugin %1</source>
        <translation>Plugin %1 kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>import plugins</source>
        <translation>Importieren von Plugins</translation>
    </message>
    <message>
        <source>cannot import %1: no such file</source>
        <translation>%1 kann nicht importiert werden: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>create plugins</source>
        <translation>Erstellen von Plugins</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Packen</translation>
    </message>
    <message>
        <source>packing %1</source>
        <translation>%1 wird gepackt</translation>
    </message>
    <message>
        <source>cannot pack %1</source>
        <translation>%1 kann nicht gepackt werden</translation>
    </message>
    <message>
        <source>cannot pack %1: %2</source>
        <translation>%1 kann nicht gepackt werden: %2</translation>
    </message>
    <message>
        <source>Read the plugins</source>
        <translation>Plugins lesen</translation>
    </message>
    <message>
        <source>the plugins have not been read from the Plugdesk helper yet</source>
        <translation>die Plugins wurden noch nicht vom Plugdesk-Helfer gelesen</translation>
    </message>
    <message>
        <source>Waiting for authorisation…</source>
        <translation>Warte auf Autorisierung…</translation>
    </message>
    <message>
        <source>cancelled while waiting for authorisation</source>
        <translation>abgebrochen während des Wartens auf Autorisierung</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 einstellen</translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation>Protokoll von %1</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
</context>
<context>
    <name>core::HelperService</name>
    <message>
        <source>not connected to the bus: %1</source>
        <translation>nicht mit dem Bus verbunden: %1</translation>
    </message>
    <message>
        <source>cannot export %1 on the bus</source>
        <translation>%1 kann nicht auf dem Bus exportiert werden</translation>
    </message>
    <message>
        <source>cannot own the bus name %1: %2</source>
        <translation>der Busname %1 kann nicht belegt werden: %2</translation>
    </message>
    <message>
        <source>cannot own the bus name %1: another plugdesk-helper already serves it</source>
        <translation>der Busname %1 kann nicht belegt werden: ein anderer plugdesk-helper bedient ihn bereits</translation>
    </message>
    <message>
        <source>no method &quot;%1&quot; in interface %2</source>
        <translation>keine Methode „%1“ in der Schnittstelle %2</translation>
    </message>
</context>
<context>
    <name>core::JobObject</name>
    <message>
        <source>the job went away before it finished</source>
        <translation>der Auftrag ist verschwunden, bevor er abgeschlossen war</translation>
    </message>
    <message>
        <source>not authorized to cancel this job: only the caller that started it, or root, may cancel it</source>
        <translation>keine Berechtigung, diesen Auftrag abzubrechen: nur der Aufrufer, der ihn gestartet hat, oder root darf ihn abbrechen</translation>
    </message>
    <message>
        <source>not authorized to read this job: only the caller that started it, or root, may read it</source>
        <translation>keine Berechtigung, diesen Auftrag zu lesen: nur der Aufrufer, der ihn gestartet hat, oder root darf ihn lesen</translation>
    </message>
    <message>
        <source>no property &quot;%1&quot; on %2</source>
        <translation>keine Eigenschaft „%1“ für %2</translation>
    </message>
    <message>
        <source>the properties of a job are read-only</source>
        <translation>die Eigenschaften eines Auftrags sind schreibgeschützt</translation>
    </message>
    <message>
        <source>no method &quot;%1&quot; in interface %2</source>
        <translation>keine Methode „%1“ in der Schnittstelle %2</translation>
    </message>
</context>
<context>
    <name>core::LocalEngine</name>
    <message>
        <source>recover the store</source>
        <translation>Wiederherstellen des Plugin-Speichers</translation>
    </message>
    <message>
        <source>change the settings of %1</source>
        <translation>Ändern der Einstellungen von %1</translation>
    </message>
    <message>
        <source>cannot set on an active plugin, disable plugin before setting</source>
        <translation>die Einstellungen eines aktiven Plugins können nicht geändert werden, deaktivieren Sie das Plugin vorher</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 erstellen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>List volumes</source>
        <translation>Volumes auflisten</translation>
    </message>
    <message>
        <source>Inspect volume %1</source>
        <translation>Volume %1 untersuchen</translation>
    </message>
    <message>
        <source>Create volume %1</source>
        <translation>Volume %1 erstellen</translation>
    </message>
    <message>
        <source>Remove volume %1</source>
        <translation>Volume %1 entfernen</translation>
    </message>
    <message>
        <source>Mount volume %1</source>
        <translation>Volume %1 einhängen</translation>
    </message>
    <message>
        <source>Unmount volume %1</source>
        <translation>Volume %1 aushängen</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>cannot import %1: no such file</source>
        <translation>%1 kann nicht importiert werden: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>this setting gives %1 privileges that were not approved:
%2
Approve them with plugdeskctl plugin set, which asks, or in the Settings tab of the window</source>
        <translation>diese Einstellung gibt dem Plugin %1 Berechtigungen, die nicht genehmigt wurden:
%2
Genehmigen Sie sie mit plugdeskctl plugin set, das nachfragt, oder auf der Registerkarte „Einstellungen“ des Fensters</translation>
    </message>
    <message>
        <source>Read the plugins</source>
        <translation>Plugins lesen</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 einstellen</translation>
    </message>
    <message>
        <source>Logs of %1</source>
        <translation>Protokoll von %1</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
</context>
<context>
    <name>core::PolkitAuthority</name>
    <message>
        <source>not authorized to %1 (%2): polkit failed: %3</source>
        <translation>keine Berechtigung zum %1 (%2): polkit ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>not authorized to %1 (%2)</source>
        <translation>keine Berechtigung zum %1 (%2)</translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): polkit is not running, so only root may do this</source>
        <translation>keine Berechtigung zum %1 (%2): polkit läuft nicht, daher darf nur root dies tun</translation>
    </message>
    <message>
        <source>cannot tell who is calling (%1): %2</source>
        <translation>der Aufrufer lässt sich nicht bestimmen (%1): %2</translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): a password is needed, and this request did not allow asking for one</source>
        <translation>nicht berechtigt, %1 (%2): ein Passwort ist nötig, und diese Anfrage erlaubte keine Nachfrage</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): the authorisation was not answered within %3</source>
        <translation>keine Berechtigung zum %1 (%2): die Autorisierung wurde nicht innerhalb von %3 beantwortet</translation>
    </message>
    <message>
        <source>not authorized to %1 (%2): authentication is required, and no polkit agent could ask for it; run plugdeskctl on a terminal, where it asks for the password itself, or from a desktop session with a polkit agent</source>
        <translation>keine Berechtigung zum %1 (%2): eine Authentifizierung ist nötig, aber kein polkit-Agent konnte danach fragen; führen Sie plugdeskctl in einem Terminal aus, wo es selbst nach dem Passwort fragt, oder in einer Desktop-Sitzung mit polkit-Agent</translation>
    </message>
</context>
<context>
    <name>core::RegistryClient</name>
    <message>
        <source>cannot %1: %2 was not found in the registry (%3) — check the name and the tag</source>
        <translation>%1 nicht möglich: %2 wurde in der Registry nicht gefunden (%3) – prüfen Sie Namen und Tag</translation>
    </message>
    <message numerus="yes">
        <source>cannot %1: the registry answered %2 after %n tries — try again later</source>
        <translation>
            <numerusform>%1 nicht möglich: die Registry antwortete nach %n Versuch mit %2 – versuchen Sie es später erneut</numerusform>
            <numerusform>%1 nicht möglich: die Registry antwortete nach %n Versuchen mit %2 – versuchen Sie es später erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot %1: the registry answered %2</source>
        <translation>%1 nicht möglich: die Registry antwortete mit %2</translation>
    </message>
    <message>
        <source>reach the registry %1</source>
        <translation>Erreichen der Registry %1</translation>
    </message>
    <message>
        <source>cannot %1: %2 does not speak the registry API v2 (404 on /v2/)</source>
        <translation>%1 nicht möglich: %2 spricht nicht die Registry-API v2 (404 auf /v2/)</translation>
    </message>
    <message>
        <source>fetch the manifest of %1</source>
        <translation>Abrufen des Manifests von %1</translation>
    </message>
    <message>
        <source>cannot %1: the registry sent a manifest whose digest is %2, not %3 — the registry or something between is corrupting data</source>
        <translation>%1 nicht möglich: die Registry hat ein Manifest mit dem Digest %2 statt %3 gesendet – die Registry oder etwas dazwischen verfälscht Daten</translation>
    </message>
    <message>
        <source>cannot %1: the manifest&apos;s digest is %2 but the registry announced %3</source>
        <translation>%1 nicht möglich: der Digest des Manifests ist %2, die Registry hat aber %3 angekündigt</translation>
    </message>
    <message>
        <source>cannot %1</source>
        <translation>%1 nicht möglich</translation>
    </message>
    <message>
        <source>cannot %1: a manifest list points at another list</source>
        <translation>%1 nicht möglich: eine Manifest-Liste verweist auf eine andere Liste</translation>
    </message>
    <message>
        <source>cannot %1: it has no manifest for %2/%3 (it has: %4)</source>
        <translation>%1 nicht möglich: es gibt kein Manifest für %2/%3 (vorhanden: %4)</translation>
    </message>
    <message>
        <source>fetch blob %1 of %2</source>
        <translation>Abrufen von Blob %1 aus %2</translation>
    </message>
    <message>
        <source>cannot %1: the registry sent more than the %2 bytes the manifest gives</source>
        <translation>%1 nicht möglich: die Registry hat mehr als die %2 Bytes gesendet, die das Manifest angibt</translation>
    </message>
    <message>
        <source>cannot %1: the registry sent %2 bytes, the manifest gives %3</source>
        <translation>%1 nicht möglich: die Registry hat %2 Bytes gesendet, das Manifest gibt %3 an</translation>
    </message>
    <message>
        <source>cannot %1: its content has digest %2, not %3 — the registry or something between is corrupting data; nothing was kept</source>
        <translation>%1 nicht möglich: der Inhalt hat den Digest %2 statt %3 – die Registry oder etwas dazwischen verfälscht Daten; nichts wurde behalten</translation>
    </message>
    <message>
        <source>cannot fetch the config of %1: its manifest gives %2 bytes, more than the %3 allowed</source>
        <translation>die Konfiguration von %1 kann nicht abgerufen werden: ihr Manifest gibt %2 Bytes an, mehr als die erlaubten %3</translation>
    </message>
    <message>
        <source>check blob %1 in %2</source>
        <translation>Prüfen von Blob %1 in %2</translation>
    </message>
    <message>
        <source>upload blob %1 to %2</source>
        <translation>Hochladen von Blob %1 nach %2</translation>
    </message>
    <message>
        <source>cannot %1: the registry started an upload without a Location</source>
        <translation>%1 nicht möglich: die Registry hat einen Upload ohne Location begonnen</translation>
    </message>
    <message>
        <source>push the manifest of %1</source>
        <translation>Hochladen des Manifests von %1</translation>
    </message>
    <message>
        <source>cannot %1: the registry filed it as %2, but its bytes hash to %3</source>
        <translation>%1 nicht möglich: die Registry hat es als %2 abgelegt, aber seine Bytes ergeben den Hash %3</translation>
    </message>
    <message>
        <source>list the tags of %1</source>
        <translation>Auflisten der Tags von %1</translation>
    </message>
</context>
<context>
    <name>core::RemoteJob</name>
    <message>
        <source>the Plugdesk helper left the bus before the job finished</source>
        <translation>der Plugdesk-Helfer hat den Bus verlassen, bevor der Auftrag abgeschlossen war</translation>
    </message>
    <message>
        <source>cannot read the job %1 from the helper: %2</source>
        <translation>der Auftrag %1 kann nicht vom Helfer gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>core::SwarmPlugins</name>
    <message>
        <source>%1 is not part of a Swarm: start one there with `docker swarm init` (or join one and connect to a manager) to install plugins on the cluster.</source>
        <translation>%1 gehört zu keinem Swarm: Starten Sie dort einen mit `docker swarm init` (oder treten Sie einem bei und verbinden Sie sich mit einem Manager), um Plugins im Cluster zu installieren.</translation>
    </message>
    <message>
        <source>The Swarm manager %1 is locked: unlock it with `docker swarm unlock`.</source>
        <translation>Der Swarm-Manager %1 ist gesperrt: Entsperren Sie ihn mit `docker swarm unlock`.</translation>
    </message>
    <message>
        <source>%1 is not an active Swarm node (its state is &quot;%2&quot;%3).</source>
        <translation>%1 ist kein aktiver Swarm-Knoten (sein Zustand ist „%2“%3).</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>%1 is a Swarm worker, not a manager: plugin services are created and watched on a manager. Connect to a manager of this Swarm instead.</source>
        <translation>%1 ist ein Swarm-Worker, kein Manager: Plugin-Dienste werden auf einem Manager angelegt und beobachtet. Verbinden Sie sich stattdessen mit einem Manager dieses Swarms.</translation>
    </message>
    <message>
        <source>Swarm&apos;s plugin runtime needs dockerd started with --experimental: the manager %1 runs without it, so it refuses plugin services. Start dockerd there with --experimental (or &quot;experimental&quot;: true in /etc/docker/daemon.json) and try again.</source>
        <translation>Die Plugin-Laufzeit von Swarm braucht einen mit --experimental gestarteten dockerd: Der Manager %1 läuft ohne, deshalb lehnt er Plugin-Dienste ab. Starten Sie dockerd dort mit --experimental (oder &quot;experimental&quot;: true in /etc/docker/daemon.json) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>the Docker connection is gone</source>
        <translation>die Docker-Verbindung besteht nicht mehr</translation>
    </message>
    <message>
        <source>cannot read the privileges of %1</source>
        <translation>die Berechtigungen von %1 lassen sich nicht lesen</translation>
    </message>
    <message>
        <source>Docker&apos;s privileges of %1</source>
        <translation>Dockers Berechtigungen von %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a placement constraint: write KEY==VALUE or KEY!=VALUE, e.g. node.hostname==host1 or node.labels.zone!=edge</source>
        <translation>„%1“ ist keine Platzierungsbedingung: Schreiben Sie SCHLÜSSEL==WERT oder SCHLÜSSEL!=WERT, z. B. node.hostname==host1 oder node.labels.zone!=edge</translation>
    </message>
    <message>
        <source>the service needs a name</source>
        <translation>der Dienst braucht einen Namen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a service name: use at most 63 letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, beginning and ending with a letter or digit</source>
        <translation>„%1“ ist kein Dienstname: Verwenden Sie höchstens 63 Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos;, am Anfang und Ende einen Buchstaben oder eine Ziffer</translation>
    </message>
    <message>
        <source>the service needs the plugin&apos;s reference</source>
        <translation>der Dienst braucht die Referenz des Plugins</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reference: it contains a space</source>
        <translation>„%1“ ist keine Referenz: Sie enthält ein Leerzeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plugin name: it contains a space</source>
        <translation>„%1“ ist kein Plugin-Name: Er enthält ein Leerzeichen</translation>
    </message>
    <message>
        <source>Swarm&apos;s plugin runtime needs dockerd started with --experimental, and the manager %1 runs without it. Start dockerd there with --experimental (or &quot;experimental&quot;: true in /etc/docker/daemon.json). Docker said: %2</source>
        <translation>Die Plugin-Laufzeit von Swarm braucht einen mit --experimental gestarteten dockerd, und der Manager %1 läuft ohne. Starten Sie dockerd dort mit --experimental (oder &quot;experimental&quot;: true in /etc/docker/daemon.json). Docker meldete: %2</translation>
    </message>
    <message>
        <source>%1 is not a Swarm manager: plugin services are created and watched on a manager (`docker swarm init` makes one). Docker said: %2</source>
        <translation>%1 ist kein Swarm-Manager: Plugin-Dienste werden auf einem Manager angelegt und beobachtet (`docker swarm init` macht einen). Docker meldete: %2</translation>
    </message>
    <message>
        <source>cannot create the service %1</source>
        <translation>der Dienst %1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>Docker created the service %1 but gave no ID</source>
        <translation>Docker hat den Dienst %1 angelegt, aber keine ID genannt</translation>
    </message>
    <message>
        <source>the service %1</source>
        <translation>der Dienst %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a reference</source>
        <translation>„%1“ ist keine Referenz</translation>
    </message>
    <message>
        <source>cannot update the service %1 to %2</source>
        <translation>der Dienst %1 lässt sich nicht auf %2 aktualisieren</translation>
    </message>
    <message>
        <source>cannot remove the service %1</source>
        <translation>der Dienst %1 lässt sich nicht entfernen</translation>
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
        <translation>Wurzel des Plugin-Speichers (Vorgabe $PLUGDESK_ROOT, sonst /var/lib/plugdesk).</translation>
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
        <translation>Die aktivierten Plugins beim Start nicht starten (um einen Plugin-Speicher anzusehen oder für Tests des Busses selbst).</translation>
    </message>
    <message>
        <source>plugdesk-helper: restoring plugins: %1</source>
        <translation>plugdesk-helper: Wiederherstellen der Plugins: %1</translation>
    </message>
    <message>
        <source>Saved Connections</source>
        <translation>Gespeicherte Verbindungen</translation>
    </message>
    <message>
        <source>Only this computer is listed: %1</source>
        <translation>Nur dieser Computer wird angezeigt: %1</translation>
    </message>
</context>
<context>
    <name>ui::AddConnectionDialog</name>
    <message>
        <source>Add Connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>e.g. lab</source>
        <translation>z. B. labor</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&lt;small&gt;&lt;tt&gt;plugdesk:///PATH&lt;/tt&gt;: the Plugdesk store at PATH on this computer&lt;br&gt;&lt;tt&gt;unix:///var/run/docker.sock&lt;/tt&gt;: a Docker Engine on its socket&lt;br&gt;&lt;tt&gt;ssh://[USER@]HOST[:PORT]&lt;/tt&gt;: a Docker Engine on another host, over SSH&lt;/small&gt;</source>
        <translation>&lt;small&gt;&lt;tt&gt;plugdesk:///PFAD&lt;/tt&gt;: der Plugdesk-Speicher unter PFAD auf diesem Computer&lt;br&gt;&lt;tt&gt;unix:///var/run/docker.sock&lt;/tt&gt;: eine Docker Engine an ihrem Socket&lt;br&gt;&lt;tt&gt;ssh://[BENUTZER@]HOST[:PORT]&lt;/tt&gt;: eine Docker Engine auf einem anderen Host, über SSH&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Or pick one of Docker&apos;s &amp;contexts:</source>
        <translation>Oder einen der &amp;Kontexte von Docker wählen:</translation>
    </message>
    <message>
        <source>%1 — %2 (Docker&apos;s current context)</source>
        <translation>%1 — %2 (aktueller Kontext von Docker)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Enter a URL, or pick one of Docker&apos;s contexts.</source>
        <translation>Geben Sie eine URL ein oder wählen Sie einen Kontext von Docker.</translation>
    </message>
    <message>
        <source>There is a connection named &quot;%1&quot; already.</source>
        <translation>Es gibt bereits eine Verbindung namens „%1“.</translation>
    </message>
</context>
<context>
    <name>ui::ClusterInstallDialog</name>
    <message>
        <source>Install on the Cluster</source>
        <translation>Im Cluster installieren</translation>
    </message>
    <message>
        <source>Creates a Swarm service on %1 that installs the plugin on each node it picks, and keeps it there: nodes that join later get it too.</source>
        <translation>Legt auf %1 einen Swarm-Dienst an, der das Plugin auf jedem gewählten Knoten installiert und dort hält: Auch später beitretende Knoten erhalten es.</translation>
    </message>
    <message>
        <source>registry.example.com/vendor/plugin:tag</source>
        <translation>registry.example.com/anbieter/plugin:tag</translation>
    </message>
    <message>
        <source>Every node pulls this reference itself, without a login.</source>
        <translation>Jeder Knoten lädt diese Referenz selbst, ohne Anmeldung.</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referenz:</translation>
    </message>
    <message>
        <source>the reference</source>
        <translation>die Referenz</translation>
    </message>
    <message>
        <source>The plugin&apos;s name on each node. It stays when the service is updated to another tag.</source>
        <translation>Der Name des Plugins auf jedem Knoten. Er bleibt, wenn der Dienst auf ein anderes Tag aktualisiert wird.</translation>
    </message>
    <message>
        <source>&amp;Name on the nodes:</source>
        <translation>&amp;Name auf den Knoten:</translation>
    </message>
    <message>
        <source>&amp;Service name:</source>
        <translation>&amp;Dienstname:</translation>
    </message>
    <message>
        <source>Install &amp;disabled</source>
        <translation>Deaktiviert ins&amp;tallieren</translation>
    </message>
    <message>
        <source>On &amp;every node</source>
        <translation>Auf &amp;jedem Knoten</translation>
    </message>
    <message>
        <source>On the nodes these &amp;constraints pick, one a line:</source>
        <translation>Auf den Knoten, die diese &amp;Bedingungen wählen, eine pro Zeile:</translation>
    </message>
    <message>
        <source>node.hostname==host1
node.labels.storage==ssd</source>
        <translation>node.hostname==host1
node.labels.storage==ssd</translation>
    </message>
    <message>
        <source>write at least one constraint, or choose every node</source>
        <translation>Schreiben Sie mindestens eine Bedingung, oder wählen Sie jeden Knoten</translation>
    </message>
</context>
<context>
    <name>ui::ClusterPluginsView</name>
    <message>
        <source>every node</source>
        <translation>jedem Knoten</translation>
    </message>
    <message>
        <source>nodes where %1</source>
        <translation>Knoten mit %1</translation>
    </message>
    <message>
        <source>&amp;Install on the Cluster…</source>
        <translation>Im Cluster &amp;installieren…</translation>
    </message>
    <message>
        <source>&amp;Update…</source>
        <translation>&amp;Aktualisieren…</translation>
    </message>
    <message>
        <source>Point the service at another tag; the nodes upgrade one at a time.</source>
        <translation>Den Dienst auf ein anderes Tag richten; die Knoten aktualisieren nacheinander.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the service; each node removes the plugin.</source>
        <translation>Den Dienst entfernen; jeder Knoten entfernt das Plugin.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Service / Node</source>
        <translation>Dienst / Knoten</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Cannot read the Swarm of %1: %2</source>
        <translation>Der Swarm von %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (deaktiviert)</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>; update %1</source>
        <translation>; Aktualisierung %1</translation>
    </message>
    <message>
        <source>no task</source>
        <translation>keine Aufgabe</translation>
    </message>
    <message>
        <source>No node runs this service yet.</source>
        <translation>Noch kein Knoten führt diesen Dienst aus.</translation>
    </message>
    <message>
        <source>No node matches the constraints.</source>
        <translation>Kein Knoten erfüllt die Bedingungen.</translation>
    </message>
    <message>
        <source>%1 (desired: %2)</source>
        <translation>%1 (Soll: %2)</translation>
    </message>
    <message>
        <source>node %1, task %2</source>
        <translation>Knoten %1, Aufgabe %2</translation>
    </message>
    <message>
        <source>Reading the privileges of %1…</source>
        <translation>Die Berechtigungen von %1 werden gelesen…</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Nicht installiert: %1</translation>
    </message>
    <message>
        <source>The privileges were not granted; nothing was installed.</source>
        <translation>Die Berechtigungen wurden nicht gewährt; es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>Creating the service %1…</source>
        <translation>Der Dienst %1 wird angelegt…</translation>
    </message>
    <message>
        <source>The service %1 installs %2 on the cluster.</source>
        <translation>Der Dienst %1 installiert %2 im Cluster.</translation>
    </message>
    <message>
        <source>Update %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <source>The reference the nodes upgrade %1 to, one node at a time:</source>
        <translation>Die Referenz, auf die die Knoten %1 nacheinander aktualisieren:</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>Nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>The privileges were not granted; the service was not changed.</source>
        <translation>Die Berechtigungen wurden nicht gewährt; der Dienst wurde nicht geändert.</translation>
    </message>
    <message>
        <source>Updating %1 to %2…</source>
        <translation>%1 wird auf %2 aktualisiert…</translation>
    </message>
    <message>
        <source>The nodes upgrade %1 to %2, one at a time.</source>
        <translation>Die Knoten aktualisieren %1 nacheinander auf %2.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove the service %1? Each node disables and removes the plugin %2.</source>
        <translation>Den Dienst %1 entfernen? Jeder Knoten deaktiviert und entfernt das Plugin %2.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Nicht entfernt: %1</translation>
    </message>
    <message>
        <source>The service %1 was removed; each node removes the plugin.</source>
        <translation>Der Dienst %1 wurde entfernt; jeder Knoten entfernt das Plugin.</translation>
    </message>
</context>
<context>
    <name>ui::ConnectionSet</name>
    <message>
        <source>%1 is a Docker Engine, and this build of Plugdesk cannot connect to Docker Engines.</source>
        <translation>%1 ist eine Docker Engine, und dieser Build von Plugdesk kann sich nicht mit Docker Engines verbinden.</translation>
    </message>
    <message>
        <source>%1 is this computer&apos;s own connection and cannot be removed.</source>
        <translation>%1 ist die Verbindung dieses Computers und kann nicht entfernt werden.</translation>
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
    <name>ui::ImportDialog</name>
    <message>
        <source>Import Plugin</source>
        <translation>Plugin importieren</translation>
    </message>
    <message>
        <source>%1, exported from %2</source>
        <translation>%1, exportiert aus %2</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Import “%1”&lt;/h3&gt;&lt;p&gt;From the bundle %2. Its privileges are shown for approval before anything is written.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;„%1“ importieren&lt;/h3&gt;&lt;p&gt;Aus dem Paket %2. Seine Berechtigungen werden zur Freigabe gezeigt, bevor etwas geschrieben wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Local name (optional)</source>
        <translation>Lokaler Name (optional)</translation>
    </message>
    <message>
        <source>The name the plugin gets on this computer, instead of the bundle&apos;s (like plugdeskctl plugin import --alias)</source>
        <translation>Der Name, den das Plugin auf diesem Rechner erhält, statt dem aus dem Paket (wie plugdeskctl plugin import --alias)</translation>
    </message>
    <message>
        <source>&amp;Enable the plugin after importing it</source>
        <translation>Plugin nach dem Importieren &amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Local name:</source>
        <translation>&amp;Lokaler Name:</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>A local name cannot have a digest; give a tag instead.</source>
        <translation>Ein lokaler Name kann keinen Digest haben; geben Sie stattdessen ein Tag an.</translation>
    </message>
    <message>
        <source>A plugin named “%1” is installed already: give the imported one another local name, or remove that one first.</source>
        <translation>Ein Plugin namens „%1“ ist bereits installiert: Geben Sie dem importierten einen anderen lokalen Namen, oder entfernen Sie das vorhandene zuerst.</translation>
    </message>
    <message>
        <source>A plugin named “%1” is installed already.</source>
        <translation>Ein Plugin namens „%1“ ist bereits installiert.</translation>
    </message>
    <message>
        <source>The privileges were not granted; nothing was imported.</source>
        <translation>Die Berechtigungen wurden nicht erteilt; nichts wurde importiert.</translation>
    </message>
</context>
<context>
    <name>ui::InstallDialog</name>
    <message>
        <source>Upgrade Plugin</source>
        <translation>Plugin aktualisieren</translation>
    </message>
    <message>
        <source>Install Plugin</source>
        <translation>Plugin installieren</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Upgrade %1&lt;/h3&gt;&lt;p&gt;Give the reference of the new version. Its privileges are compared with what the installed version was granted before anything is downloaded. The plugin keeps its id and the settings the new version still has.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 aktualisieren&lt;/h3&gt;&lt;p&gt;Geben Sie die Referenz der neuen Version an. Bevor etwas heruntergeladen wird, werden ihre Berechtigungen mit denen verglichen, die der installierten Version gewährt wurden. Das Plugin behält seine ID und die Einstellungen, die es in der neuen Version noch gibt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Install a plugin&lt;/h3&gt;&lt;p&gt;Give the plugin&apos;s reference, such as &lt;tt&gt;vieux/sshfs&lt;/tt&gt; or &lt;tt&gt;registry.example.com/plugin:2.1&lt;/tt&gt;.&lt;br&gt;Its privileges are shown for approval before anything is downloaded.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ein Plugin installieren&lt;/h3&gt;&lt;p&gt;Geben Sie die Referenz des Plugins an, etwa &lt;tt&gt;vieux/sshfs&lt;/tt&gt; oder &lt;tt&gt;registry.example.com/plugin:2.1&lt;/tt&gt;.&lt;br&gt;Seine Berechtigungen werden zur Genehmigung angezeigt, bevor etwas heruntergeladen wird.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Plugin reference</source>
        <translation>Plugin-Referenz</translation>
    </message>
    <message>
        <source>Repository and optional tag; tags are completed from the registry</source>
        <translation>Repository und optionales Tag; Tags werden aus der Registry ergänzt</translation>
    </message>
    <message>
        <source>registry/repository:tag</source>
        <translation>registry/repository:tag</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referenz:</translation>
    </message>
    <message>
        <source>Local name (optional)</source>
        <translation>Lokaler Name (optional)</translation>
    </message>
    <message>
        <source>optional; default: the reference&apos;s name</source>
        <translation>optional; Vorgabe: der Name aus der Referenz</translation>
    </message>
    <message>
        <source>The name the plugin gets on this computer, instead of the reference&apos;s (like docker plugin install --alias)</source>
        <translation>Der Name, den das Plugin auf diesem Computer statt des Namens aus der Referenz erhält (wie bei docker plugin install --alias)</translation>
    </message>
    <message>
        <source>&amp;Enable the plugin after installing it</source>
        <translation>Plugin nach der Installation a&amp;ktivieren</translation>
    </message>
    <message>
        <source>&amp;Local name:</source>
        <translation>&amp;Lokaler Name:</translation>
    </message>
    <message>
        <source>Reading the privileges</source>
        <translation>Berechtigungen werden gelesen</translation>
    </message>
    <message>
        <source>&amp;Upgrade…</source>
        <translation>&amp;Aktualisieren…</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Installieren…</translation>
    </message>
    <message>
        <source>Read the privileges and upgrade</source>
        <translation>Berechtigungen lesen und aktualisieren</translation>
    </message>
    <message>
        <source>Read the privileges and install</source>
        <translation>Berechtigungen lesen und installieren</translation>
    </message>
    <message>
        <source>A local name cannot have a digest; give a tag instead.</source>
        <translation>Ein lokaler Name darf keinen Digest enthalten; geben Sie stattdessen ein Tag an.</translation>
    </message>
    <message>
        <source>Looking up the tags of %1…</source>
        <translation>Tags von %1 werden gesucht…</translation>
    </message>
    <message>
        <source>the registry does not know this repository</source>
        <translation>die Registry kennt dieses Repository nicht</translation>
    </message>
    <message>
        <source>the registry wants a login (File › Log In to a Registry)</source>
        <translation>die Registry verlangt eine Anmeldung (Datei › Bei einer Registry anmelden)</translation>
    </message>
    <message>
        <source>the registry cannot be reached</source>
        <translation>die Registry ist nicht erreichbar</translation>
    </message>
    <message>
        <source>No tags to offer: %1.</source>
        <translation>Keine Tags zur Auswahl: %1.</translation>
    </message>
    <message>
        <source>%1 has no tags.</source>
        <translation>%1 hat keine Tags.</translation>
    </message>
    <message numerus="yes">
        <source>%1 … (%n tags)</source>
        <translation>
            <numerusform>%1 … (%n Tag)</numerusform>
            <numerusform>%1 … (%n Tags)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Reading the privileges of %1 from the registry…</source>
        <translation>Berechtigungen von %1 werden aus der Registry gelesen…</translation>
    </message>
    <message>
        <source>Stopped. Nothing was downloaded or installed.</source>
        <translation>Angehalten. Es wurde nichts heruntergeladen oder installiert.</translation>
    </message>
    <message>
        <source>The privileges were not granted; the plugin was not changed.</source>
        <translation>Die Berechtigungen wurden nicht gewährt; das Plugin wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The privileges were not granted; nothing was installed.</source>
        <translation>Die Berechtigungen wurden nicht gewährt; es wurde nichts installiert.</translation>
    </message>
    <message>
        <source>Stop reading the privileges</source>
        <translation>Lesen der Berechtigungen abbrechen</translation>
    </message>
    <message>
        <source>Not upgraded: %1</source>
        <translation>Nicht aktualisiert: %1</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Nicht installiert: %1</translation>
    </message>
</context>
<context>
    <name>ui::JobProgressDialog</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Progress of %1</source>
        <translation>Fortschritt von %1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>Close this window; the job goes on and stays in the status bar</source>
        <translation>Dieses Fenster schließen; der Auftrag läuft weiter und bleibt in der Statusleiste</translation>
    </message>
    <message>
        <source>Hide this window, the job goes on</source>
        <translation>Dieses Fenster ausblenden, der Auftrag läuft weiter</translation>
    </message>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Progress of layer %1</source>
        <translation>Fortschritt von Layer %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ui::JobWatcher</name>
    <message>
        <source>Actions waiting for authorisation</source>
        <translation>Aktionen, die auf Autorisierung warten</translation>
    </message>
    <message>
        <source>%1: waiting for authorisation…</source>
        <translation>%1: warte auf Autorisierung…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting: the action is not done</source>
        <translation>Nicht länger warten: die Aktion wird nicht ausgeführt</translation>
    </message>
    <message>
        <source>Your account may not do this. An administrator can allow it with a polkit rule for the action named above, or you can run the command as root.</source>
        <translation>Ihr Konto darf das nicht. Ein Administrator kann es mit einer polkit-Regel für die oben genannte Aktion erlauben, oder Sie führen den Befehl als root aus.</translation>
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
    <name>ui::LoginDialog</name>
    <message>
        <source>Log In to a Registry</source>
        <translation>Bei einer Registry anmelden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Log in to a registry&lt;/h3&gt;&lt;p&gt;The registry checks the login before it is saved with your other registry logins (as &lt;tt&gt;docker login&lt;/tt&gt; saves them). Install, upgrade and push use it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bei einer Registry anmelden&lt;/h3&gt;&lt;p&gt;Die Registry prüft die Anmeldung, bevor sie bei Ihren anderen Registry-Anmeldungen gespeichert wird (so wie &lt;tt&gt;docker login&lt;/tt&gt; sie speichert). Installieren, Aktualisieren und Hochladen verwenden sie.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Registry server</source>
        <translation>Registry-Server</translation>
    </message>
    <message>
        <source>docker.io</source>
        <translation>docker.io</translation>
    </message>
    <message>
        <source>The registry&apos;s host and port, e.g. registry.example.com:5000; empty: Docker Hub</source>
        <translation>Host und Port der Registry, z. B. registry.example.com:5000; leer: Docker Hub</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password or access token</source>
        <translation>Passwort oder Zugriffstoken</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Checking the login</source>
        <translation>Anmeldung wird geprüft</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Checking the login with the registry…</source>
        <translation>Anmeldung wird bei der Registry geprüft…</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2. The login was saved.</source>
        <translation>Bei %1 als %2 angemeldet. Die Anmeldung wurde gespeichert.</translation>
    </message>
    <message>
        <source>Stopped; the login was not saved.</source>
        <translation>Angehalten; die Anmeldung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The login was not saved: %1</source>
        <translation>Die Anmeldung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved logins:</source>
        <translation>Gespeicherte Anmeldungen:</translation>
    </message>
    <message>
        <source>Registries with a saved login</source>
        <translation>Registrys mit gespeicherter Anmeldung</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Erase the saved login of the selected registry</source>
        <translation>Die gespeicherte Anmeldung der ausgewählten Registry löschen</translation>
    </message>
    <message>
        <source>Cannot read the saved logins: %1</source>
        <translation>Die gespeicherten Anmeldungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>Logged out of %1; its saved login was erased.</source>
        <translation>Von %1 abgemeldet; die gespeicherte Anmeldung wurde gelöscht.</translation>
    </message>
    <message>
        <source>Could not log out of %1: %2</source>
        <translation>Abmelden von %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>The login is kept by the credential helper &lt;tt&gt;docker-credential-%1&lt;/tt&gt;.</source>
        <translation>Die Anmeldung verwahrt das Credential-Hilfsprogramm &lt;tt&gt;docker-credential-%1&lt;/tt&gt;.</translation>
    </message>
    <message>
        <source>⚠ No credential helper is set up: the password is stored &lt;b&gt;unencrypted&lt;/b&gt; (base64) in &lt;tt&gt;%1&lt;/tt&gt;, as &lt;tt&gt;docker login&lt;/tt&gt; does. Set &lt;tt&gt;credsStore&lt;/tt&gt; there to use one, or log in with an access token.</source>
        <translation>⚠ Kein Credential-Hilfsprogramm eingerichtet: Das Passwort wird &lt;b&gt;unverschlüsselt&lt;/b&gt; (Base64) in &lt;tt&gt;%1&lt;/tt&gt; gespeichert, wie bei &lt;tt&gt;docker login&lt;/tt&gt;. Setzen Sie dort &lt;tt&gt;credsStore&lt;/tt&gt;, um eines zu nutzen, oder melden Sie sich mit einem Zugriffstoken an.</translation>
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
        <translation>Neu &amp;laden</translation>
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
        <translation>&lt;h3&gt;Plugdesk %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Verwaltung für verwaltete Docker-Plugins.&lt;/p&gt;&lt;p&gt;Plugin-Speicher: &lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;</translation>
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
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>&amp;Install…</source>
        <translation>&amp;Installieren…</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <source>Install a plugin from a registry (Ctrl+I)</source>
        <translation>Ein Plugin aus einer Registry installieren (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected plugin (Delete)</source>
        <translation>Das ausgewählte Plugin entfernen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Upgrade…</source>
        <translation>&amp;Aktualisieren…</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Push…</source>
        <translation>&amp;Hochladen…</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Upload the selected plugin to the registry its name names (Ctrl+Shift+P)</source>
        <translation>Das ausgewählte Plugin in die Registry hochladen, die sein Name nennt (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>&amp;Log In to a Registry…</source>
        <translation>Bei einer &amp;Registry anmelden…</translation>
    </message>
    <message>
        <source>Save a registry login for install, upgrade and push (Ctrl+L)</source>
        <translation>Eine Registry-Anmeldung für Installieren, Aktualisieren und Hochladen speichern (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>Im&amp;portieren…</translation>
    </message>
    <message>
        <source>Install a plugin from a bundle file made with Export (Ctrl+Shift+I)</source>
        <translation>Ein Plugin aus einer mit Exportieren erstellten Bundle-Datei installieren (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>Install a plugin</source>
        <translation>Ein Plugin installieren</translation>
    </message>
    <message>
        <source>Create a plugin from a folder</source>
        <translation>Ein Plugin aus einem Ordner erstellen</translation>
    </message>
    <message>
        <source>Enable the selected plugin</source>
        <translation>Das ausgewählte Plugin aktivieren</translation>
    </message>
    <message>
        <source>Disable the selected plugin</source>
        <translation>Das ausgewählte Plugin deaktivieren</translation>
    </message>
    <message>
        <source>Upgrade the selected plugin</source>
        <translation>Das ausgewählte Plugin aktualisieren</translation>
    </message>
    <message>
        <source>Push the selected plugin</source>
        <translation>Das ausgewählte Plugin hochladen</translation>
    </message>
    <message>
        <source>Remove the selected plugin</source>
        <translation>Das ausgewählte Plugin entfernen</translation>
    </message>
    <message>
        <source>Refresh the plugin list</source>
        <translation>Die Plugin-Liste aktualisieren</translation>
    </message>
    <message>
        <source>Force Disable stops the plugin anyway; whatever uses those volumes loses them.</source>
        <translation>„Deaktivieren erzwingen“ hält das Plugin trotzdem an; was diese Volumes verwendet, verliert sie.</translation>
    </message>
    <message>
        <source>&amp;Force Disable</source>
        <translation>Deaktivieren &amp;erzwingen</translation>
    </message>
    <message>
        <source>The plugin could not be installed.</source>
        <translation>Das Plugin konnte nicht installiert werden.</translation>
    </message>
    <message>
        <source>%1 was installed.</source>
        <translation>%1 wurde installiert.</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Plugin bundles (*.zip)</source>
        <translation>Plugin-Bundles (*.zip)</translation>
    </message>
    <message>
        <source>%1 could not be exported.</source>
        <translation>%1 konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>%1 was exported to %2.</source>
        <translation>%1 wurde nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Import a Plugin Bundle</source>
        <translation>Plugin-Bundle importieren</translation>
    </message>
    <message>
        <source>Plugin bundles (*.zip);;All files (*)</source>
        <translation>Plugin-Bundles (*.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>The plugin in %1 could not be imported.</source>
        <translation>Das Plugin in %1 konnte nicht importiert werden.</translation>
    </message>
    <message>
        <source>%1 was imported.</source>
        <translation>%1 wurde importiert.</translation>
    </message>
    <message>
        <source>%1 is not a bundle Plugdesk can import.</source>
        <translation>%1 ist kein Bundle, das Plugdesk importieren kann.</translation>
    </message>
    <message>
        <source>Remove Plugin</source>
        <translation>Plugin entfernen</translation>
    </message>
    <message>
        <source>&amp;Disable and Remove</source>
        <translation>&amp;Deaktivieren und entfernen</translation>
    </message>
    <message>
        <source>Its files and settings are deleted, and the layers no other plugin uses.</source>
        <translation>Seine Dateien und Einstellungen werden gelöscht, ebenso die Layer, die kein anderes Plugin verwendet.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 could not be removed.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Upgrade Plugin</source>
        <translation>Plugin aktualisieren</translation>
    </message>
    <message>
        <source>%1 could not be upgraded.</source>
        <translation>%1 konnte nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>%1 was upgraded.</source>
        <translation>%1 wurde aktualisiert.</translation>
    </message>
    <message>
        <source>Push Plugin</source>
        <translation>Plugin hochladen</translation>
    </message>
    <message>
        <source>%1 cannot be pushed.</source>
        <translation>%1 kann nicht hochgeladen werden.</translation>
    </message>
    <message>
        <source>Its layers and config are uploaded to the repository %1 on %2, and the tag %3 there is replaced. Your login for %2 is used (File › Log In to a Registry).</source>
        <translation>Seine Layer und seine Konfiguration werden in das Repository %1 auf %2 hochgeladen, und das dortige Tag %3 wird ersetzt. Dabei wird Ihre Anmeldung für %2 verwendet (Datei › Bei einer Registry anmelden).</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Hochladen</translation>
    </message>
    <message>
        <source>%1 could not be pushed.</source>
        <translation>%1 konnte nicht hochgeladen werden.</translation>
    </message>
    <message>
        <source>Pushed %1:%2 (%3).</source>
        <translation>%1:%2 hochgeladen (%3).</translation>
    </message>
    <message>
        <source>Logged in to %1 as %2.</source>
        <translation>Bei %1 als %2 angemeldet.</translation>
    </message>
    <message>
        <source>Save the selected plugin as a bundle file for a machine without a registry (Ctrl+Shift+E)</source>
        <translation>Das ausgewählte Plugin als Bundle-Datei für einen Rechner ohne Registry speichern (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <source>Replace the selected plugin with another version (Ctrl+U)</source>
        <translation>Das ausgewählte Plugin durch eine andere Version ersetzen (Strg+U)</translation>
    </message>
    <message>
        <source>V&amp;olume</source>
        <translation>V&amp;olume</translation>
    </message>
    <message>
        <source>Show the %1 page (Ctrl+%2)</source>
        <translation>Die Seite %1 zeigen (Strg+%2)</translation>
    </message>
    <message>
        <source>Disable “%1”?</source>
        <translation>„%1“ deaktivieren?</translation>
    </message>
    <message>
        <source>“%1” provides volumes that are in use.</source>
        <translation>„%1“ stellt Volumes bereit, die in Gebrauch sind.</translation>
    </message>
    <message>
        <source>Remove “%1”?</source>
        <translation>„%1“ entfernen?</translation>
    </message>
    <message>
        <source>“%1” is enabled. Removing it disables it first: containers and volumes that use it stop working. Its files and settings are deleted.</source>
        <translation>„%1“ ist aktiviert. Beim Entfernen wird es zuerst deaktiviert: Container und Volumes, die es nutzen, funktionieren nicht mehr. Seine Dateien und Einstellungen werden gelöscht.</translation>
    </message>
    <message>
        <source>Upgrade “%1”?</source>
        <translation>„%1“ aktualisieren?</translation>
    </message>
    <message>
        <source>“%1” is enabled, and a plugin is upgraded only while it is disabled. It is disabled now, upgraded to the version you choose, and enabled again; also when the upgrade is cancelled or fails. Containers and volumes that use it pause meanwhile.</source>
        <translation>„%1“ ist aktiviert, und ein Plugin wird nur im deaktivierten Zustand aktualisiert. Es wird jetzt deaktiviert, auf die gewählte Version aktualisiert und wieder aktiviert; auch wenn die Aktualisierung abgebrochen wird oder fehlschlägt. Container und Volumes, die es nutzen, pausieren so lange.</translation>
    </message>
    <message>
        <source>&amp;Disable, Upgrade and Enable</source>
        <translation>&amp;Deaktivieren, aktualisieren und aktivieren</translation>
    </message>
    <message>
        <source>“%1” could not be disabled for the upgrade.</source>
        <translation>„%1“ konnte für die Aktualisierung nicht deaktiviert werden.</translation>
    </message>
    <message>
        <source>“%1” could not be enabled again.</source>
        <translation>„%1“ konnte nicht wieder aktiviert werden.</translation>
    </message>
    <message>
        <source>Push “%1” to %2?</source>
        <translation>„%1“ nach %2 hochladen?</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verbindungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cannot be reached.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ist nicht erreichbar.&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Connecting to %1 (%2)…</source>
        <translation>Verbinde mit %1 (%2)…</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>Verbindung &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Connect to another store or Docker Engine</source>
        <translation>Mit einem anderen Speicher oder einer Docker Engine verbinden</translation>
    </message>
    <message>
        <source>Re&amp;move Connection…</source>
        <translation>Verbindung &amp;entfernen…</translation>
    </message>
    <message>
        <source>Forget the selected connection</source>
        <translation>Die gewählte Verbindung vergessen</translation>
    </message>
    <message>
        <source>Connection %1 (%2) added.</source>
        <translation>Verbindung %1 (%2) hinzugefügt.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Plugdesk forgets %1. Nothing changes there: its plugins and volumes stay as they are.</source>
        <translation>Plugdesk vergisst %1. Dort ändert sich nichts: Plugins und Volumes bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Connection %1 removed.</source>
        <translation>Verbindung %1 entfernt.</translation>
    </message>
    <message>
        <source>The Cluster page installs a plugin on every node of a Docker Swarm. Add a connection to a Swarm manager (unix:// or ssh://, with File › Add Connection…) and choose it in the list on the left.</source>
        <translation>Die Seite „Cluster“ installiert ein Plugin auf jedem Knoten eines Docker Swarm. Fügen Sie eine Verbindung zu einem Swarm-Manager hinzu (unix:// oder ssh://, mit Datei › Verbindung hinzufügen…) und wählen Sie sie links in der Liste.</translation>
    </message>
</context>
<context>
    <name>ui::NewVolumeDialog</name>
    <message>
        <source>New Volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>Creates a volume with a volume plugin, as &lt;tt&gt;docker volume create&lt;/tt&gt; does. The options are passed to the driver as they are.</source>
        <translation>Erstellt ein Volume mit einem Volume-Plugin, wie es &lt;tt&gt;docker volume create&lt;/tt&gt; tut. Die Optionen werden unverändert an den Treiber übergeben.</translation>
    </message>
    <message>
        <source>Volume driver</source>
        <translation>Volume-Treiber</translation>
    </message>
    <message>
        <source>The volume drivers could not be read: %1</source>
        <translation>Die Volume-Treiber konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No volume driver is enabled. Enable a volume plugin (one whose types include &lt;tt&gt;docker.volumedriver&lt;/tt&gt;) on the Plugins page, then create the volume.</source>
        <translation>Kein Volume-Treiber ist aktiviert. Aktivieren Sie auf der Seite Plugins ein Volume-Plugin (eines, zu dessen Typen &lt;tt&gt;docker.volumedriver&lt;/tt&gt; gehört), und erstellen Sie dann das Volume.</translation>
    </message>
    <message>
        <source>Volume name</source>
        <translation>Volume-Name</translation>
    </message>
    <message>
        <source>empty: a generated name</source>
        <translation>leer: ein erzeugter Name</translation>
    </message>
    <message>
        <source>Driver options</source>
        <translation>Treiberoptionen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add Option</source>
        <translation>Option &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add an option</source>
        <translation>Eine Option hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move Option</source>
        <translation>Option ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected options</source>
        <translation>Die ausgewählten Optionen entfernen</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>&amp;Treiber:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Options:</source>
        <translation>&amp;Optionen:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Key of option %1</source>
        <translation>Schlüssel von Option %1</translation>
    </message>
    <message>
        <source>Value of option %1</source>
        <translation>Wert von Option %1</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; cannot be used: a volume name cannot contain &quot;/&quot;, &quot;:&quot; or spaces, or containers could not mount it with -v NAME:/path.</source>
        <translation>Der Name „%1“ kann nicht verwendet werden: ein Volume-Name darf weder „/“, „:“ noch Leerzeichen enthalten, sonst könnten Container ihn nicht mit -v NAME:/path einhängen.</translation>
    </message>
    <message>
        <source>Option %1 has a value but no key: enter the key, or remove the row.</source>
        <translation>Option %1 hat einen Wert, aber keinen Schlüssel: geben Sie den Schlüssel ein oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>The option key &quot;%1&quot; cannot contain &quot;=&quot;: give the key in the Key column and the value in the Value column.</source>
        <translation>Der Optionsschlüssel „%1“ darf kein „=“ enthalten: geben Sie den Schlüssel in der Spalte Schlüssel und den Wert in der Spalte Wert an.</translation>
    </message>
    <message>
        <source>The option &quot;%1&quot; is given twice: give each key once.</source>
        <translation>Die Option „%1“ ist doppelt angegeben: geben Sie jeden Schlüssel nur einmal an.</translation>
    </message>
    <message>
        <source>%1 (running)</source>
        <translation>%1 (läuft)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The driver %1 cannot create volumes now: its plugin is %2. Start it on the Plugins page, or choose another driver.</source>
        <translation>Der Treiber %1 kann jetzt keine Volumes anlegen: sein Plugin %2. Starten Sie es auf der Seite „Plugins“ oder wählen Sie einen anderen Treiber.</translation>
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
    <message>
        <source>Plugin state</source>
        <translation>Plugin-Zustand</translation>
    </message>
    <message>
        <source>Show &amp;Logs</source>
        <translation>Protokoll &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
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
    <name>ui::PluginsPage</name>
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
        <source>&lt;h3&gt;No plugins installed&lt;/h3&gt;&lt;p&gt;Install one from a registry with &lt;b&gt;Install&lt;/b&gt; (Ctrl+I), or create one from a folder with &lt;b&gt;Create&lt;/b&gt; (or drop the folder here).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Plugins installiert&lt;/h3&gt;&lt;p&gt;Installieren Sie eines aus einer Registry mit &lt;b&gt;Installieren&lt;/b&gt; (Strg+I) oder erstellen Sie eines aus einem Ordner mit &lt;b&gt;Erstellen&lt;/b&gt; (oder ziehen Sie den Ordner hierher).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Problems reading the store</source>
        <translation>Probleme beim Lesen des Plugin-Speichers</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Plugin-Speicher: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reading the plugins…&lt;/h3&gt;&lt;p&gt;From %1.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Plugins werden gelesen…&lt;/h3&gt;&lt;p&gt;Von %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;You may not see the plugins&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;An administrator can allow it with a polkit rule for the action &lt;tt&gt;org.plugdesk.read&lt;/tt&gt;, or you can run Plugdesk as root.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sie dürfen die Plugins nicht sehen&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Ein Administrator kann es mit einer polkit-Regel für die Aktion &lt;tt&gt;org.plugdesk.read&lt;/tt&gt; erlauben, oder Sie starten Plugdesk als root.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Reading the plugins needs your password&lt;/h3&gt;&lt;p&gt;Choose Try Again to be asked.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Zum Lesen der Plugins ist Ihr Passwort nötig&lt;/h3&gt;&lt;p&gt;Wählen Sie „Erneut versuchen“, um danach gefragt zu werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The plugins cannot be read&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Die Plugins können nicht gelesen werden&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>These plugins could not be read and are not listed:</source>
        <translation>Diese Plugins konnten nicht gelesen werden und fehlen in der Liste:</translation>
    </message>
    <message>
        <source>Recent changes are not shown: reading them needs your password. Press Refresh (F5) to be asked.</source>
        <translation>Neuere Änderungen werden nicht angezeigt: zum Lesen ist Ihr Passwort nötig. Drücken Sie Aktualisieren (F5), um danach gefragt zu werden.</translation>
    </message>
    <message>
        <source>Store: %1 · plugins: %2, enabled: %3</source>
        <translation>Plugin-Speicher: %1 · Plugins: %2, aktiviert: %3</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
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
    <message>
        <source>A private temporary file system in memory.</source>
        <translation>Ein privates temporäres Dateisystem im Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>Mount a file system of type &quot;%1&quot; from &quot;%2&quot; with the options &quot;%3&quot;: what it reaches depends on its type and options, possibly far more than one folder.</source>
        <translation>Ein Dateisystem vom Typ „%1“ aus „%2“ mit den Optionen „%3“ einhängen: was es erreicht, hängt von Typ und Optionen ab, möglicherweise weit mehr als einen Ordner.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Read and write every file of the host: its whole file system.</source>
        <translation>Jede Datei des Hosts lesen und schreiben: sein gesamtes Dateisystem.</translation>
    </message>
    <message>
        <source>Read the host folder %1.</source>
        <translation>Den Ordner %1 des Hosts lesen.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The new settings give %1 new privileges&lt;/h3&gt;&lt;p&gt;A mount source or device path is a part of this computer the plugin may use as root. The rows marked new were not approved before. Grant them only if you meant to.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Die neuen Einstellungen geben %1 neue Berechtigungen&lt;/h3&gt;&lt;p&gt;Die Quelle einer Einhängung oder ein Gerätepfad ist ein Teil dieses Computers, den das Plugin als root verwenden darf. Die als neu markierten Zeilen wurden bisher nicht genehmigt. Gewähren Sie sie nur, wenn Sie das beabsichtigt haben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (type %2, options %3)</source>
        <translation>%1 (Typ %2, Optionen %3)</translation>
    </message>
    <message>
        <source>No network access: only a loopback interface of its own.</source>
        <translation>Kein Netzwerkzugang: nur eine eigene Loopback-Schnittstelle.</translation>
    </message>
    <message>
        <source>Join the network “%1”.</source>
        <translation>Dem Netzwerk „%1“ beitreten.</translation>
    </message>
</context>
<context>
    <name>ui::VolumeDetailsView</name>
    <message>
        <source>Details of the selected volume</source>
        <translation>Details des ausgewählten Volumes</translation>
    </message>
    <message>
        <source>unknown (not created through Plugdesk)</source>
        <translation>unbekannt (nicht über Plugdesk erstellt)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>Einhängepunkt</translation>
    </message>
    <message>
        <source>Inside the plugin</source>
        <translation>Im Plugin</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>yes, mounts through Plugdesk without an unmount: %1; removing it needs force</source>
        <translation>ja, Einhängungen über Plugdesk ohne Aushängen: %1; das Entfernen muss erzwungen werden</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Listing its volumes failed: %1</source>
        <translation>Das Auflisten seiner Volumes ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Enable the plugin on the Plugins page to list and create its volumes.</source>
        <translation>Aktivieren Sie das Plugin auf der Seite Plugins, um seine Volumes aufzulisten und zu erstellen.</translation>
    </message>
    <message>
        <source>Select a volume to see its mountpoint, options and whether it is in use.</source>
        <translation>Wählen Sie ein Volume, um seinen Einhängepunkt und seine Optionen zu sehen und ob es verwendet wird.</translation>
    </message>
    <message>
        <source>Volume driver %1</source>
        <translation>Volume-Treiber %1</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <source>enabled, %1</source>
        <translation>aktiviert, %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>being listed…</source>
        <translation>wird aufgelistet …</translation>
    </message>
    <message>
        <source>Its plugin does not run, so it is not asked for its volumes and cannot create any. Go to the plugin to see why (its state and logs) and to start it again.</source>
        <translation>Sein Plugin läuft nicht; deshalb wird es nicht nach seinen Volumes gefragt und kann keine anlegen. Gehen Sie zum Plugin, um den Grund zu sehen (Zustand und Protokoll) und es wieder zu starten.</translation>
    </message>
</context>
<context>
    <name>ui::VolumeListModel</name>
    <message>
        <source>%1 scope</source>
        <translation>Geltungsbereich %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Enabled · volumes: %1</source>
        <translation>Aktiviert · Volumes: %1</translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation>%1 in Verwendung</translation>
    </message>
    <message>
        <source>Volume driver %1</source>
        <translation>Volume-Treiber %1</translation>
    </message>
    <message>
        <source>Plugin ID: %1</source>
        <translation>Plugin-ID: %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Geltungsbereich: %1</translation>
    </message>
    <message>
        <source>Listing its volumes failed: %1</source>
        <translation>Das Auflisten seiner Volumes ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The plugin is disabled; enable it on the Plugins page to list and create its volumes.</source>
        <translation>Das Plugin ist deaktiviert; aktivieren Sie es auf der Seite Plugins, um seine Volumes aufzulisten und zu erstellen.</translation>
    </message>
    <message>
        <source>Volumes: %1</source>
        <translation>Volumes: %1</translation>
    </message>
    <message>
        <source>Yes (mounts: %1)</source>
        <translation>Ja (Einhängungen: %1)</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>On the host: %1
Inside the plugin: %2</source>
        <translation>Auf dem Host: %1
Im Plugin: %2</translation>
    </message>
    <message>
        <source>Not created through Plugdesk: the options it was created with are not known.</source>
        <translation>Nicht über Plugdesk erstellt: die Optionen, mit denen es erstellt wurde, sind unbekannt.</translation>
    </message>
    <message>
        <source>Created without options.</source>
        <translation>Ohne Optionen erstellt.</translation>
    </message>
    <message numerus="yes">
        <source>Mounted through Plugdesk %n time(s) without an unmount yet; removing it needs force.</source>
        <translation>
            <numerusform>%n-mal über Plugdesk eingehängt und noch nicht ausgehängt; das Entfernen muss erzwungen werden.</numerusform>
            <numerusform>%n-mal über Plugdesk eingehängt und noch nicht ausgehängt; das Entfernen muss erzwungen werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not mounted through Plugdesk.</source>
        <translation>Nicht über Plugdesk eingehängt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mountpoint</source>
        <translation>Einhängepunkt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>In Use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Listing…</source>
        <translation>Wird aufgelistet …</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Its plugin is %1, so it is not asked for its volumes; start it on the Plugins page.</source>
        <translation>Sein Plugin %1; deshalb wird es nicht nach seinen Volumes gefragt. Starten Sie es auf der Seite „Plugins“.</translation>
    </message>
</context>
<context>
    <name>ui::VolumesPage</name>
    <message>
        <source>Volumes by driver</source>
        <translation>Volumes nach Treiber</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No volume drivers&lt;/h3&gt;&lt;p&gt;Volumes are made by volume plugins. Enable one on the &lt;b&gt;Plugins&lt;/b&gt; page (a plugin whose types include &lt;tt&gt;volumedriver&lt;/tt&gt;), or install one with &lt;tt&gt;plugdeskctl plugin install NAME&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Volume-Treiber&lt;/h3&gt;&lt;p&gt;Volumes werden von Volume-Plugins erstellt. Aktivieren Sie eines auf der Seite &lt;b&gt;Plugins&lt;/b&gt; (ein Plugin, zu dessen Typen &lt;tt&gt;volumedriver&lt;/tt&gt; gehört) oder installieren Sie eines mit &lt;tt&gt;plugdeskctl plugin install NAME&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Problem listing the volumes</source>
        <translation>Problem beim Auflisten der Volumes</translation>
    </message>
    <message>
        <source>Listing volumes</source>
        <translation>Volumes werden aufgelistet</translation>
    </message>
    <message>
        <source>Not listed yet.</source>
        <translation>Noch nicht aufgelistet.</translation>
    </message>
    <message>
        <source>Volume listing status</source>
        <translation>Status der Volume-Auflistung</translation>
    </message>
    <message>
        <source>&amp;New Volume…</source>
        <translation>Neues &amp;Volume…</translation>
    </message>
    <message>
        <source>New Volume</source>
        <translation>Neues Volume</translation>
    </message>
    <message>
        <source>Create a volume with a volume driver (Ctrl+N)</source>
        <translation>Ein Volume mit einem Volume-Treiber erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected volume and its data (Delete)</source>
        <translation>Das ausgewählte Volume und seine Daten entfernen (Entf)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Ask every volume driver for its volumes again (F5)</source>
        <translation>Jeden Volume-Treiber erneut nach seinen Volumes fragen (F5)</translation>
    </message>
    <message>
        <source>Copy &amp;Name</source>
        <translation>&amp;Namen kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Mountpoint</source>
        <translation>Einhängepunkt &amp;kopieren</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Filter volumes…</source>
        <translation>Volumes filtern…</translation>
    </message>
    <message>
        <source>Filter volumes</source>
        <translation>Volumes filtern</translation>
    </message>
    <message>
        <source>Listing volumes…</source>
        <translation>Volumes werden aufgelistet…</translation>
    </message>
    <message>
        <source>Cannot read the volume drivers: %1</source>
        <translation>Die Volume-Treiber können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Volumes: %1 · drivers: %2 · listed at %3 in %4 s</source>
        <translation>Volumes: %1 · Treiber: %2 · aufgelistet um %3 in %4 s</translation>
    </message>
    <message>
        <source>drivers that did not answer: %1 (see their rows)</source>
        <translation>Treiber ohne Antwort: %1 (siehe ihre Zeilen)</translation>
    </message>
    <message>
        <source>New Volume with %1…</source>
        <translation>Neues Volume mit %1…</translation>
    </message>
    <message>
        <source>The volume could not be created with %1.</source>
        <translation>Das Volume konnte mit %1 nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The volume %1 could not be created with %2.</source>
        <translation>Das Volume %1 konnte mit %2 nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Volume %1 created.</source>
        <translation>Volume %1 erstellt.</translation>
    </message>
    <message>
        <source>Remove Volume</source>
        <translation>Volume entfernen</translation>
    </message>
    <message>
        <source>Remove the volume %1?</source>
        <translation>Das Volume %1 entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>It is in use: mounted through Plugdesk %n time(s). Force Remove unmounts it first; whatever uses it loses its data. The driver %1 deletes the volume and its data; this cannot be undone.</source>
        <translation>
            <numerusform>Es wird verwendet: %n-mal über Plugdesk eingehängt. „Entfernen erzwingen“ hängt es zuerst aus; alles, was es verwendet, verliert seine Daten. Der Treiber %1 löscht das Volume und seine Daten; dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>Es wird verwendet: %n-mal über Plugdesk eingehängt. „Entfernen erzwingen“ hängt es zuerst aus; alles, was es verwendet, verliert seine Daten. Der Treiber %1 löscht das Volume und seine Daten; dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The driver %1 deletes the volume and its data; this cannot be undone.</source>
        <translation>Der Treiber %1 löscht das Volume und seine Daten; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Force Remove</source>
        <translation>Entfernen &amp;erzwingen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Volume %1 removed.</source>
        <translation>Volume %1 entfernt.</translation>
    </message>
    <message>
        <source>The volume %1 could not be removed.</source>
        <translation>Das Volume %1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The volume %1 is in use.</source>
        <translation>Das Volume %1 wird verwendet.</translation>
    </message>
    <message>
        <source>Force Remove unmounts it first; whatever uses it loses its data.</source>
        <translation>„Entfernen erzwingen“ hängt es zuerst aus; alles, was es verwendet, verliert seine Daten.</translation>
    </message>
    <message>
        <source>&amp;Go to Plugin</source>
        <translation>&amp;Zum Plugin</translation>
    </message>
    <message>
        <source>Show the driver&apos;s plugin on the Plugins page: its state, logs and settings</source>
        <translation>Das Plugin des Treibers auf der Seite „Plugins“ zeigen: Zustand, Protokoll und Einstellungen</translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>läuft nicht: %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>listing cancelled</source>
        <translation>Auflisten abgebrochen</translation>
    </message>
    <message>
        <source>drivers not running, not asked: %1</source>
        <translation>Treiber, die nicht laufen (nicht gefragt): %1</translation>
    </message>
</context>
<context>
    <name>ui::WindowConnection</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>No engine for %1.</source>
        <translation>Keine Engine für %1.</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>%1 konnte nicht gelesen werden.</translation>
    </message>
</context>
</TS>
