<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Format</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Virtual disks</source>
        <translation>Virtuelle Datenträger</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>vds::ui</name>
    <message>
        <source>No error.</source>
        <translation>Kein Fehler.</translation>
    </message>
    <message>
        <source>Go back, correct the value and try again.</source>
        <translation>Gehen Sie zurück, korrigieren Sie den Wert und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Check the name or path; the device may have been removed.</source>
        <translation>Prüfen Sie den Namen oder Pfad; das Gerät wurde womöglich entfernt.</translation>
    </message>
    <message>
        <source>You may need to be in the &apos;disk&apos; group, or approve access when the system asks for it.</source>
        <translation>Sie müssen womöglich Mitglied der Gruppe &apos;disk&apos; sein oder den Zugriff bestätigen, wenn das System danach fragt.</translation>
    </message>
    <message>
        <source>The disk or device may be failing or disconnected.</source>
        <translation>Der Datenträger oder das Gerät ist womöglich defekt oder getrennt.</translation>
    </message>
    <message>
        <source>Free some space or choose another location. Nothing incomplete was kept.</source>
        <translation>Geben Sie Platz frei oder wählen Sie einen anderen Speicherort. Nichts Unvollständiges wurde behalten.</translation>
    </message>
    <message>
        <source>The other side did not follow the protocol.</source>
        <translation>Die Gegenseite hat sich nicht an das Protokoll gehalten.</translation>
    </message>
    <message>
        <source>This is usually a bug or a version mismatch; the details help a report.</source>
        <translation>Meist ist das ein Programmfehler oder passen Versionen nicht zusammen; die Details helfen bei einer Fehlermeldung.</translation>
    </message>
    <message>
        <source>The operation was aborted by the other side.</source>
        <translation>Der Vorgang wurde von der Gegenseite abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Nothing incomplete was kept.</source>
        <translation>Nichts Unvollständiges wurde behalten.</translation>
    </message>
    <message>
        <source>This is not supported.</source>
        <translation>Das wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>SQL Server reported an error.</source>
        <translation>SQL Server hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>Something went wrong inside Virtual Device Studio.</source>
        <translation>In Virtual Device Studio ist etwas schiefgegangen.</translation>
    </message>
    <message>
        <source>Please report it with the details below and the log file.</source>
        <translation>Bitte melden Sie es mit den Details unten und der Protokolldatei.</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Copying</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Stripe %1</source>
        <translation>Stripe %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::AboutDialog</name>
    <message>
        <source>About Virtual Device Studio</source>
        <translation>Über Virtual Device Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Virtual Device Studio %1&lt;/h2&gt;&lt;p&gt;SQL Server backups and restores through the Virtual Device Interface, and VHD/VHDX virtual disks, on Linux.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Virtual Device Studio %1&lt;/h2&gt;&lt;p&gt;Sicherungen und Wiederherstellungen von SQL Server über das Virtual Device Interface sowie virtuelle VHD/VHDX-Datenträger unter Linux.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
</context>
<context>
    <name>vds::ui::JobView</name>
    <message>
        <source>Current phase</source>
        <translation>Aktuelle Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Bytes done</source>
        <translation>Erledigte Bytes</translation>
    </message>
    <message>
        <source>Elapsed and remaining time</source>
        <translation>Verstrichene und verbleibende Zeit</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>Auftrag &amp;abbrechen</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Copy &amp;path</source>
        <translation>&amp;Pfad kopieren</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Elapsed %1 · Remaining %2</source>
        <translation>Verstrichen %1 · Verbleibend %2</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Cancel “%1”? What it has written so far will be removed.</source>
        <translation>„%1“ abbrechen? Was bisher geschrieben wurde, wird entfernt.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 in %2 · average %3</source>
        <translation>%1 in %2 · Durchschnitt %3</translation>
    </message>
    <message>
        <source> · output %1 (%2 on disk)</source>
        <translation> · Ausgabe %1 (%2 auf dem Datenträger)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finished successfully.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Erfolgreich abgeschlossen.&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>vds::ui::JobWindow</name>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
</context>
<context>
    <name>vds::ui::JobsPanel</name>
    <message>
        <source>No jobs yet. Jobs you start appear here; double-click one to watch it.</source>
        <translation>Noch keine Aufträge. Gestartete Aufträge erscheinen hier; ein Doppelklick öffnet ihre Live-Ansicht.</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Gestartet %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::LogPage</name>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>Minimum level shown</source>
        <translation>Angezeigte Mindeststufe</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>Debug und höher</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>Protokoll&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>No log file is being written</source>
        <translation>Es wird keine Protokolldatei geschrieben</translation>
    </message>
    <message>
        <source>Application log</source>
        <translation>Anwendungsprotokoll</translation>
    </message>
    <message>
        <source>Full log: %1</source>
        <translation>Vollständiges Protokoll: %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::MainWindow</name>
    <message>
        <source>Virtual Device Studio</source>
        <translation>Virtual Device Studio</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Back up SQL Server databases through the Virtual Device Interface. The server streams the backup to Virtual Device Studio, which stripes, compresses, encrypts and checksums it on the way to disk, with live progress.</source>
        <translation>Sichern Sie SQL-Server-Datenbanken über das Virtual Device Interface. Der Server überträgt die Sicherung an Virtual Device Studio, das sie auf dem Weg auf die Festplatte aufteilt, komprimiert, verschlüsselt und mit Prüfsummen versieht – mit laufender Fortschrittsanzeige.</translation>
    </message>
    <message>
        <source>Connect to SQL Server on Linux (ODBC, SQL login or Kerberos), or try the built-in simulator without a server</source>
        <translation>Mit SQL Server unter Linux verbinden (ODBC, SQL-Anmeldung oder Kerberos) oder den eingebauten Simulator ohne Server ausprobieren</translation>
    </message>
    <message>
        <source>Pick databases with their recovery model, size and last backups</source>
        <translation>Datenbanken mit Wiederherstellungsmodell, Größe und letzten Sicherungen auswählen</translation>
    </message>
    <message>
        <source>Full, differential, log and copy-only backups over 1–64 virtual devices</source>
        <translation>Vollständige, differenzielle, Protokoll- und Nur-Kopie-Sicherungen über 1–64 virtuelle Geräte</translation>
    </message>
    <message>
        <source>zstd compression and age encryption — files that standard zstd and age read</source>
        <translation>zstd-Komprimierung und age-Verschlüsselung – Dateien, die die üblichen Programme zstd und age lesen</translation>
    </message>
    <message>
        <source>Per-stripe throughput graph, ETA, cancel at any time; a manifest with SHA-256 of every stripe</source>
        <translation>Durchsatzdiagramm je Stripe, Restzeit, jederzeit abbrechbar; ein Manifest mit SHA-256 jedes Stripes</translation>
    </message>
    <message>
        <source>The virtual device engine and the SQL Server connection are being built first; this page switches on when they land.</source>
        <translation>Zuerst entstehen die Engine für virtuelle Geräte und die SQL-Server-Verbindung; diese Seite wird freigeschaltet, sobald sie fertig sind.</translation>
    </message>
    <message>
        <source>Restore a backup chain made by Virtual Device Studio, or verify it without restoring.</source>
        <translation>Eine von Virtual Device Studio erstellte Sicherungskette wiederherstellen oder ohne Wiederherstellung prüfen.</translation>
    </message>
    <message>
        <source>Choose a manifest or folder; the newest full + differential + log chain is picked for you</source>
        <translation>Wählen Sie ein Manifest oder einen Ordner; die neueste Kette aus vollständiger, differenzieller und Protokollsicherung wird für Sie ausgewählt</translation>
    </message>
    <message>
        <source>Restore under a new name with every file relocated, or MOVE files one by one</source>
        <translation>Unter neuem Namen mit verschobenen Dateien wiederherstellen oder Dateien einzeln per MOVE verschieben</translation>
    </message>
    <message>
        <source>NORECOVERY, REPLACE and point-in-time (STOPAT)</source>
        <translation>NORECOVERY, REPLACE und Zeitpunkt (STOPAT)</translation>
    </message>
    <message>
        <source>Verify: decrypt, decompress and check every stripe against its manifest</source>
        <translation>Prüfen: jeden Stripe entschlüsseln, entpacken und mit seinem Manifest vergleichen</translation>
    </message>
    <message>
        <source>Save any backup, restore, verify or virtual-disk job as a profile and run it again from here or with &apos;vdsctl run&apos;.</source>
        <translation>Jeden Sicherungs-, Wiederherstellungs-, Prüf- oder Datenträgerauftrag als Profil speichern und von hier oder mit &apos;vdsctl run&apos; erneut ausführen.</translation>
    </message>
    <message>
        <source>One .vdsprofile file per job; bundles to move many at once</source>
        <translation>Eine .vdsprofile-Datei je Auftrag; Bündel, um viele auf einmal weiterzugeben</translation>
    </message>
    <message>
        <source>Passwords stay in the system keyring; profiles only refer to them</source>
        <translation>Passwörter bleiben im Schlüsselbund des Systems; Profile verweisen nur darauf</translation>
    </message>
    <message>
        <source>Validation that names every problem with its place in the file</source>
        <translation>Prüfung, die jedes Problem mit seiner Stelle in der Datei nennt</translation>
    </message>
    <message>
        <source>Every job&apos;s outcome, figures and report, kept in a local database.</source>
        <translation>Ergebnis, Kennzahlen und Bericht jedes Auftrags, in einer lokalen Datenbank aufbewahrt.</translation>
    </message>
    <message>
        <source>Filter by kind, status and date</source>
        <translation>Nach Art, Status und Datum filtern</translation>
    </message>
    <message>
        <source>Open a job&apos;s report, export it as text or HTML</source>
        <translation>Den Bericht eines Auftrags öffnen und als Text oder HTML exportieren</translation>
    </message>
    <message>
        <source>Run the same job again in one click</source>
        <translation>Denselben Auftrag mit einem Klick erneut ausführen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New virtual disk…</source>
        <translation>&amp;Neuer virtueller Datenträger…</translation>
    </message>
    <message>
        <source>&amp;Convert or capture a disk…</source>
        <translation>Datenträger &amp;umwandeln oder erfassen…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Jobs panel</source>
        <translation>&amp;Auftragsbereich</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Virtual Device Studio</source>
        <translation>&amp;Über Virtual Device Studio</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine Aufträge laufen</translation>
    </message>
    <message>
        <source>1 job running</source>
        <translation>1 Auftrag läuft</translation>
    </message>
    <message>
        <source>%1 jobs running</source>
        <translation>%1 Aufträge laufen</translation>
    </message>
    <message>
        <source>%1 is not a file Virtual Device Studio opens (profiles, bundles and backup manifests are).</source>
        <translation>%1 ist keine Datei, die Virtual Device Studio öffnet (das sind Profile, Bündel und Sicherungsmanifeste).</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 existiert nicht oder ist keine Datei.</translation>
    </message>
</context>
<context>
    <name>vds::ui::PlannedPage</name>
    <message>
        <source>&lt;b&gt;Coming to this page&lt;/b&gt;</source>
        <translation>&lt;b&gt;Demnächst auf dieser Seite&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>vds::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default backup folder</source>
        <translation>Standardordner für Sicherungen</translation>
    </message>
    <message>
        <source>Default &amp;backup folder:</source>
        <translation>Standardordner für &amp;Sicherungen:</translation>
    </message>
    <message>
        <source>Default virtual disk folder</source>
        <translation>Standardordner für virtuelle Datenträger</translation>
    </message>
    <message>
        <source>Default &amp;virtual disk folder:</source>
        <translation>Standardordner für &amp;virtuelle Datenträger:</translation>
    </message>
    <message>
        <source>&amp;Log level:</source>
        <translation>&amp;Protokollstufe:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>A new language applies from the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Ask before cancelling a running job</source>
        <translation>Vor dem Abbrechen eines laufenden Auftrags nachfragen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Warn when a job &amp;stalls for:</source>
        <translation>Warnen, wenn ein Auftrag &amp;stockt seit:</translation>
    </message>
</context>
<context>
    <name>vds::ui::Sparkline</name>
    <message>
        <source>Recent throughput</source>
        <translation>Jüngster Durchsatz</translation>
    </message>
</context>
<context>
    <name>vds::ui::ThroughputGraph</name>
    <message>
        <source>Throughput graph</source>
        <translation>Durchsatzdiagramm</translation>
    </message>
    <message>
        <source>−%1 min</source>
        <translation>−%1 min</translation>
    </message>
    <message>
        <source>−%1 s</source>
        <translation>−%1 s</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>Warten auf Daten…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>vds::ui::ThroughputPanel</name>
    <message>
        <source>Current throughput</source>
        <translation>Aktueller Durchsatz</translation>
    </message>
    <message>
        <source>Average throughput</source>
        <translation>Durchschnittlicher Durchsatz</translation>
    </message>
    <message>
        <source>Peak throughput</source>
        <translation>Spitzendurchsatz</translation>
    </message>
    <message>
        <source>Graph window</source>
        <translation>Diagrammzeitraum</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 30 minutes</source>
        <translation>Letzte 30 Minuten</translation>
    </message>
    <message>
        <source>Current: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Aktuell: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Average: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Durchschnitt: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Peak: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Spitze: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>vds::ui::VirtualDisksPage</name>
    <message>
        <source>Virtual disks</source>
        <translation>Virtuelle Datenträger</translation>
    </message>
    <message>
        <source>Create VHD and VHDX files, or capture a physical disk or an image into one. Jobs run in the background and appear in the Jobs panel below.</source>
        <translation>Erstellen Sie VHD- und VHDX-Dateien oder erfassen Sie einen physischen Datenträger oder ein Abbild darin. Aufträge laufen im Hintergrund und erscheinen unten im Auftragsbereich.</translation>
    </message>
    <message>
        <source>&amp;New virtual disk…</source>
        <translation>&amp;Neuer virtueller Datenträger…</translation>
    </message>
    <message>
        <source>New virtual disk</source>
        <translation>Neuer virtueller Datenträger</translation>
    </message>
    <message>
        <source>&amp;Convert or capture…</source>
        <translation>&amp;Umwandeln oder erfassen…</translation>
    </message>
    <message>
        <source>Convert or capture a disk</source>
        <translation>Datenträger umwandeln oder erfassen</translation>
    </message>
    <message>
        <source>An empty VHD or VHDX: fixed, dynamically expanding, or differencing against a parent disk.</source>
        <translation>Eine leere VHD oder VHDX: feste Größe, dynamisch erweiterbar oder differenzierend zu einem übergeordneten Datenträger.</translation>
    </message>
    <message>
        <source>From a physical disk, a raw image or another VHD/VHDX. All-zero blocks are skipped; the result can be verified against the source.</source>
        <translation>Aus einem physischen Datenträger, einem Rohabbild oder einer anderen VHD/VHDX. Blöcke nur aus Nullen werden übersprungen; das Ergebnis lässt sich gegen die Quelle prüfen.</translation>
    </message>
    <message>
        <source>The same engine is on the command line: &lt;tt&gt;vdsctl vhd create&lt;/tt&gt;, &lt;tt&gt;vdsctl vhd convert&lt;/tt&gt;, &lt;tt&gt;vdsctl vhd info&lt;/tt&gt; and &lt;tt&gt;vdsctl disks&lt;/tt&gt;. Each wizard shows the command for the job it is about to run.</source>
        <translation>Dieselbe Engine gibt es auf der Befehlszeile: &lt;tt&gt;vdsctl vhd create&lt;/tt&gt;, &lt;tt&gt;vdsctl vhd convert&lt;/tt&gt;, &lt;tt&gt;vdsctl vhd info&lt;/tt&gt; und &lt;tt&gt;vdsctl disks&lt;/tt&gt;. Jeder Assistent zeigt den Befehl für den Auftrag, den er gleich ausführt.</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>Wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>Only VHD and VHDX files can be created.</source>
        <translation>Nur VHD- und VHDX-Dateien können erstellt werden.</translation>
    </message>
    <message>
        <source>The parameter version must be 1 or 2.</source>
        <translation>Die Parameterversion muss 1 oder 2 sein.</translation>
    </message>
    <message>
        <source>A disk cannot have both a source and a parent.</source>
        <translation>Ein Datenträger kann nicht zugleich eine Quelle und einen übergeordneten Datenträger haben.</translation>
    </message>
    <message>
        <source>Only a differencing disk has a parent disk.</source>
        <translation>Nur ein differenzierender Datenträger hat einen übergeordneten Datenträger.</translation>
    </message>
    <message>
        <source>A differencing disk cannot be fixed size.</source>
        <translation>Ein differenzierender Datenträger kann keine feste Größe haben.</translation>
    </message>
    <message>
        <source>A differencing disk needs a parent disk.</source>
        <translation>Ein differenzierender Datenträger braucht einen übergeordneten Datenträger.</translation>
    </message>
    <message>
        <source>A differencing disk has its parent&apos;s size; no size can be given.</source>
        <translation>Ein differenzierender Datenträger hat die Größe seines übergeordneten Datenträgers; eine Größe kann nicht angegeben werden.</translation>
    </message>
    <message>
        <source>Only a fixed-size disk can be a sparse file.</source>
        <translation>Nur ein Datenträger fester Größe kann eine Sparse-Datei sein.</translation>
    </message>
    <message>
        <source>Only 512-byte sectors are possible here.</source>
        <translation>Hier sind nur 512-Byte-Sektoren möglich.</translation>
    </message>
    <message>
        <source>No physical sector size can be given here.</source>
        <translation>Hier kann keine physische Sektorgröße angegeben werden.</translation>
    </message>
    <message>
        <source>%1 bytes is not a sector size; choose 512 or 4096.</source>
        <translation>%1 Bytes ist keine Sektorgröße; wählen Sie 512 oder 4096.</translation>
    </message>
    <message>
        <source>VHD supports 512-byte sectors only.</source>
        <translation>VHD unterstützt nur 512-Byte-Sektoren.</translation>
    </message>
    <message>
        <source>A fixed-size VHD has no blocks; leave the block size at its default.</source>
        <translation>Eine VHD fester Größe hat keine Blöcke; lassen Sie die Blockgröße auf dem Standardwert.</translation>
    </message>
    <message>
        <source>%1 is not a block size this format offers.</source>
        <translation>%1 ist keine Blockgröße, die dieses Format anbietet.</translation>
    </message>
    <message>
        <source>Enter a size of at least %1.</source>
        <translation>Geben Sie eine Größe von mindestens %1 ein.</translation>
    </message>
    <message>
        <source>The file permissions are not valid.</source>
        <translation>Die Dateiberechtigungen sind ungültig.</translation>
    </message>
    <message>
        <source>%1 is below the minimum of %2.</source>
        <translation>%1 liegt unter dem Minimum von %2.</translation>
    </message>
    <message>
        <source>%1 bytes is not a multiple of the sector size (%2 bytes).</source>
        <translation>%1 Bytes ist kein Vielfaches der Sektorgröße (%2 Bytes).</translation>
    </message>
    <message>
        <source>%1 is above this format&apos;s limit of %2.</source>
        <translation>%1 liegt über der Grenze dieses Formats von %2.</translation>
    </message>
    <message>
        <source>%1 is less than the source&apos;s size (%2).</source>
        <translation>%1 ist kleiner als die Größe der Quelle (%2).</translation>
    </message>
    <message>
        <source>These settings are not possible.</source>
        <translation>Diese Einstellungen sind nicht möglich.</translation>
    </message>
    <message>
        <source>None (this disk has no blocks)</source>
        <translation>Keine (dieser Datenträger hat keine Blöcke)</translation>
    </message>
    <message>
        <source>Default (up to %1)</source>
        <translation>Standard (bis %1)</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>Default (%1 bytes)</source>
        <translation>Standard (%1 Bytes)</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::ConvertWizard</name>
    <message>
        <source>Convert or capture a disk</source>
        <translation>Datenträger umwandeln oder erfassen</translation>
    </message>
    <message>
        <source>The system did not give access to the disk: %1</source>
        <translation>Das System hat den Zugriff auf den Datenträger nicht gewährt: %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::FormatPage</name>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Which kind of virtual disk file?</source>
        <translation>Welche Art von virtueller Datenträgerdatei?</translation>
    </message>
    <message>
        <source>&amp;VHDX</source>
        <translation>&amp;VHDX</translation>
    </message>
    <message>
        <source>The current format: up to 64 TiB, 4 KiB sectors, protected against power loss. Choose it unless something needs VHD.</source>
        <translation>Das aktuelle Format: bis 64 TiB, 4-KiB-Sektoren, gegen Stromausfall geschützt. Wählen Sie es, sofern nichts VHD verlangt.</translation>
    </message>
    <message>
        <source>V&amp;HD</source>
        <translation>V&amp;HD</translation>
    </message>
    <message>
        <source>The older format: up to 2040 GiB and 512-byte sectors. For older hypervisors and tools that do not read VHDX.</source>
        <translation>Das ältere Format: bis 2040 GiB und 512-Byte-Sektoren. Für ältere Hypervisoren und Werkzeuge, die VHDX nicht lesen.</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::LocationPage</name>
    <message>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>Where should the new virtual disk be saved? An existing file is never overwritten.</source>
        <translation>Wo soll der neue virtuelle Datenträger gespeichert werden? Eine vorhandene Datei wird nie überschrieben.</translation>
    </message>
    <message>
        <source>Virtual disk file</source>
        <translation>Datei des virtuellen Datenträgers</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save virtual disk as</source>
        <translation>Virtuellen Datenträger speichern unter</translation>
    </message>
    <message>
        <source>Virtual disks (*.%1)</source>
        <translation>Virtuelle Datenträger (*.%1)</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>Wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>Give a full path (starting with /).</source>
        <translation>Geben Sie einen vollständigen Pfad an (beginnend mit /).</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name; existing files are never overwritten.</source>
        <translation>%1 existiert bereits. Wählen Sie einen anderen Namen; vorhandene Dateien werden nie überschrieben.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>You cannot write to the folder %1.</source>
        <translation>Sie dürfen nicht in den Ordner %1 schreiben.</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::NewDiskWizard</name>
    <message>
        <source>New virtual disk</source>
        <translation>Neuer virtueller Datenträger</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::OptionsPage</name>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Keep the source disk &amp;read-only while copying</source>
        <translation>Quelldatenträger während des Kopierens &amp;schreibgeschützt halten</translation>
    </message>
    <message>
        <source>Refused if the disk is mounted read-write.</source>
        <translation>Wird abgelehnt, wenn der Datenträger mit Schreibzugriff eingehängt ist.</translation>
    </message>
    <message>
        <source>&amp;Verify: read the new disk back and compare it with the source</source>
        <translation>&amp;Prüfen: den neuen Datenträger zurücklesen und mit der Quelle vergleichen</translation>
    </message>
    <message>
        <source>&amp;Skip all-zero blocks (always on for dynamic disks)</source>
        <translation>Blöcke nur aus Nullen &amp;überspringen (bei dynamischen Datenträgern immer an)</translation>
    </message>
    <message>
        <source>&amp;Skip all-zero blocks: leave them unallocated (a sparse file; Windows will not attach it)</source>
        <translation>Blöcke nur aus Nullen &amp;überspringen: nicht belegen (eine Sparse-Datei; Windows bindet sie nicht ein)</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::ParentPage</name>
    <message>
        <source>Parent disk</source>
        <translation>Übergeordneter Datenträger</translation>
    </message>
    <message>
        <source>The differencing disk records changes against this disk. Do not modify the parent afterwards.</source>
        <translation>Der differenzierende Datenträger speichert Änderungen gegenüber diesem Datenträger. Verändern Sie den übergeordneten Datenträger danach nicht mehr.</translation>
    </message>
    <message>
        <source>Parent disk file</source>
        <translation>Datei des übergeordneten Datenträgers</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Virtual disks (*.vhd *.vhdx)</source>
        <translation>Virtuelle Datenträger (*.vhd *.vhdx)</translation>
    </message>
    <message>
        <source>Choose the parent disk.</source>
        <translation>Wählen Sie den übergeordneten Datenträger.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot use %1: %2</source>
        <translation>%1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a %2 file; a differencing disk must have the format of its parent.</source>
        <translation>%1 ist keine %2-Datei; ein differenzierender Datenträger muss das Format seines übergeordneten Datenträgers haben.</translation>
    </message>
    <message>
        <source>%1, %2, %3 virtual size</source>
        <translation>%1, %2, %3 virtuelle Größe</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::ProgressPage</name>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>You can close this window: the job keeps running in the Jobs panel.</source>
        <translation>Sie können dieses Fenster schließen: Der Auftrag läuft im Auftragsbereich weiter.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The job could not start.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Der Auftrag konnte nicht starten.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::ResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The virtual disk is ready.</source>
        <translation>Der virtuelle Datenträger ist fertig.</translation>
    </message>
    <message>
        <source>The job did not complete. Nothing incomplete was left behind.</source>
        <translation>Der Auftrag wurde nicht abgeschlossen. Es blieb nichts Unvollständiges zurück.</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::SizePage</name>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>The size the virtual disk shows to the system using it.</source>
        <translation>Die Größe, die der virtuelle Datenträger dem nutzenden System zeigt.</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>Virtuelle Größe</translation>
    </message>
    <message>
        <source>Size unit</source>
        <translation>Größeneinheit</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <source>&amp;Advanced</source>
        <translation>&amp;Erweitert</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>Logical sector size</source>
        <translation>Logische Sektorgröße</translation>
    </message>
    <message>
        <source>Physical sector size</source>
        <translation>Physische Sektorgröße</translation>
    </message>
    <message>
        <source>&amp;Block size:</source>
        <translation>&amp;Blockgröße:</translation>
    </message>
    <message>
        <source>&amp;Logical sector size:</source>
        <translation>&amp;Logische Sektorgröße:</translation>
    </message>
    <message>
        <source>&amp;Physical sector size:</source>
        <translation>&amp;Physische Sektorgröße:</translation>
    </message>
    <message>
        <source>The size the virtual disk shows to the system using it (%1 to %2).</source>
        <translation>Die Größe, die der virtuelle Datenträger dem nutzenden System zeigt (%1 bis %2).</translation>
    </message>
    <message>
        <source>Enter the size as a number, e.g. 64 GiB (a whole number of bytes).</source>
        <translation>Geben Sie die Größe als Zahl ein, z. B. 64 GiB (eine ganze Zahl von Bytes).</translation>
    </message>
    <message>
        <source>%1 = %2 bytes</source>
        <translation>%1 = %2 Bytes</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::SourcePage</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What should be captured into a virtual disk?</source>
        <translation>Was soll in einen virtuellen Datenträger erfasst werden?</translation>
    </message>
    <message>
        <source>A &amp;physical disk</source>
        <translation>Ein &amp;physischer Datenträger</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>Partitionen</translation>
    </message>
    <message>
        <source>Mounted at</source>
        <translation>Eingehängt unter</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>An &amp;image file (raw, VHD or VHDX)</source>
        <translation>Eine Ab&amp;bilddatei (roh, VHD oder VHDX)</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Abbilddatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>I understand, capture this disk anyway</source>
        <translation>Verstanden, diesen Datenträger trotzdem erfassen</translation>
    </message>
    <message>
        <source>Ask the system for read access (UDisks2)</source>
        <translation>Das System um Lesezugriff bitten (UDisks2)</translation>
    </message>
    <message>
        <source>Disk images (*.img *.raw *.vhd *.vhdx *.bin);;All files (*)</source>
        <translation>Datenträgerabbilder (*.img *.raw *.vhd *.vhdx *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Looking for disks…</source>
        <translation>Datenträger werden gesucht…</translation>
    </message>
    <message>
        <source>System disk</source>
        <translation>Systemdatenträger</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Eingehängt</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Removable</source>
        <translation>Wechselmedium</translation>
    </message>
    <message>
        <source>%1, serial %2, %3-byte logical / %4-byte physical sectors</source>
        <translation>%1, Seriennummer %2, logische Sektoren %3 Byte / physische %4 Byte</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No disks found</source>
        <translation>Keine Datenträger gefunden</translation>
    </message>
    <message>
        <source>%1 holds the running system. Files change while it is copied, so the virtual disk may not be consistent. Prefer capturing it from a live USB system.</source>
        <translation>%1 enthält das laufende System. Dateien ändern sich während des Kopierens, daher ist der virtuelle Datenträger womöglich nicht konsistent. Erfassen Sie ihn besser von einem Live-USB-System aus.</translation>
    </message>
    <message>
        <source>%1 is mounted (%2). Files may change while it is copied; unmount it first if you can. Keeping the source read-only will be refused while it is mounted read-write.</source>
        <translation>%1 ist eingehängt (%2). Dateien können sich während des Kopierens ändern; hängen Sie ihn wenn möglich vorher aus. Solange er mit Schreibzugriff eingehängt ist, kann die Quelle nicht schreibgeschützt gehalten werden.</translation>
    </message>
    <message>
        <source>Choose a disk.</source>
        <translation>Wählen Sie einen Datenträger.</translation>
    </message>
    <message>
        <source>Confirm that you want to capture this disk.</source>
        <translation>Bestätigen Sie, dass Sie diesen Datenträger erfassen möchten.</translation>
    </message>
    <message>
        <source>Without direct access or UDisks2 the disk cannot be read.</source>
        <translation>Ohne direkten Zugriff oder UDisks2 kann der Datenträger nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Choose an image file.</source>
        <translation>Wählen Sie eine Abbilddatei.</translation>
    </message>
    <message>
        <source>You cannot read %1 directly. Virtual Device Studio can ask the system (UDisks2) to open it for you when the job starts; you may be asked for an administrator password. To skip that question in future, add your account to the &apos;disk&apos; group.</source>
        <translation>Sie können %1 nicht direkt lesen. Virtual Device Studio kann beim Start des Auftrags das System (UDisks2) bitten, ihn für Sie zu öffnen; dabei werden Sie womöglich nach einem Administratorpasswort gefragt. Um diese Frage künftig zu vermeiden, nehmen Sie Ihr Konto in die Gruppe &apos;disk&apos; auf.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Raw image, %1</source>
        <translation>Rohabbild, %1</translation>
    </message>
    <message>
        <source>%1 %2, %3 virtual size</source>
        <translation>%1 %2, %3 virtuelle Größe</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the settings. The same job on the command line is shown below.</source>
        <translation>Prüfen Sie die Einstellungen. Darunter steht derselbe Auftrag als Befehlszeile.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>Befehlszeile:</translation>
    </message>
    <message>
        <source>Equivalent command line</source>
        <translation>Gleichwertige Befehlszeile</translation>
    </message>
    <message>
        <source>Fixed size</source>
        <translation>Feste Größe</translation>
    </message>
    <message>
        <source>Dynamically expanding</source>
        <translation>Dynamisch erweiterbar</translation>
    </message>
    <message>
        <source>Differencing</source>
        <translation>Differenzierend</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>the source&apos;s size</source>
        <translation>die Größe der Quelle</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Sector size</source>
        <translation>Sektorgröße</translation>
    </message>
    <message>
        <source>%1 bytes logical, %2 physical</source>
        <translation>%1 Bytes logisch, %2 physisch</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>verify after writing</source>
        <translation>nach dem Schreiben prüfen</translation>
    </message>
    <message>
        <source>source read-only during the copy</source>
        <translation>Quelle während des Kopierens schreibgeschützt</translation>
    </message>
    <message>
        <source>sparse file</source>
        <translation>Sparse-Datei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::TargetPage</name>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The kind of virtual disk to write. VHDX suits almost everything; VHD is for older tools (up to 2040 GiB).</source>
        <translation>Die Art des zu schreibenden virtuellen Datenträgers. VHDX passt fast immer; VHD ist für ältere Werkzeuge (bis 2040 GiB).</translation>
    </message>
    <message>
        <source>VHDX</source>
        <translation>VHDX</translation>
    </message>
    <message>
        <source>VHD</source>
        <translation>VHD</translation>
    </message>
    <message>
        <source>Dynamically expanding (only used space is stored)</source>
        <translation>Dynamisch erweiterbar (nur belegter Platz wird gespeichert)</translation>
    </message>
    <message>
        <source>Fixed size (all space allocated)</source>
        <translation>Feste Größe (gesamter Platz belegt)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Block size:</source>
        <translation>&amp;Blockgröße:</translation>
    </message>
</context>
<context>
    <name>vds::ui::vhd::TypePage</name>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>How should the file use space on the disk holding it?</source>
        <translation>Wie soll die Datei den Platz auf dem Datenträger nutzen, auf dem sie liegt?</translation>
    </message>
    <message>
        <source>&amp;Dynamically expanding</source>
        <translation>&amp;Dynamisch erweiterbar</translation>
    </message>
    <message>
        <source>The file starts small and grows as data is written. Best for most uses.</source>
        <translation>Die Datei beginnt klein und wächst, wenn Daten geschrieben werden. Für die meisten Zwecke am besten.</translation>
    </message>
    <message>
        <source>&amp;Fixed size</source>
        <translation>&amp;Feste Größe</translation>
    </message>
    <message>
        <source>All space is allocated now. Slightly faster, and never runs out of room later.</source>
        <translation>Der gesamte Platz wird sofort belegt. Etwas schneller, und später geht nie der Platz aus.</translation>
    </message>
    <message>
        <source>Di&amp;fferencing</source>
        <translation>Di&amp;fferenzierend</translation>
    </message>
    <message>
        <source>Records only changes against an existing parent disk, which must then stay unchanged.</source>
        <translation>Speichert nur Änderungen gegenüber einem vorhandenen übergeordneten Datenträger, der danach unverändert bleiben muss.</translation>
    </message>
</context>
</TS>
