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
    <message>
        <source>Backup %1</source>
        <translation>Sicherung %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Wiederherstellung %1</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Prüfung %1</translation>
    </message>
    <message>
        <source>New disk %1</source>
        <translation>Neuer Datenträger %1</translation>
    </message>
    <message>
        <source>Convert %1</source>
        <translation>Konvertierung %1</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>Als Profil speichern</translation>
    </message>
    <message>
        <source>Profile name (run it later from the Profiles page or with &apos;vdsctl run NAME&apos;):</source>
        <translation>Profilname (später auf der Seite „Profile“ oder mit &apos;vdsctl run NAME&apos; ausführen):</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists. Replace it?</source>
        <translation>Ein Profil namens „%1“ existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>New virtual disk</source>
        <translation>Neuer virtueller Datenträger</translation>
    </message>
    <message>
        <source>Disk conversion</source>
        <translation>Datenträgerkonvertierung</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>Ein Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>A profile name has at most %1 characters; this one has %2.</source>
        <translation>Ein Profilname hat höchstens %1 Zeichen; dieser hat %2.</translation>
    </message>
    <message>
        <source>A profile name cannot start with a dot.</source>
        <translation>Ein Profilname darf nicht mit einem Punkt beginnen.</translation>
    </message>
    <message>
        <source>A profile name cannot start or end with a space.</source>
        <translation>Ein Profilname darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>A profile name cannot contain &apos;/&apos;, &apos;\&apos; or control characters.</source>
        <translation>Ein Profilname darf weder &apos;/&apos; noch &apos;\&apos; noch Steuerzeichen enthalten.</translation>
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
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird hergestellt</translation>
    </message>
    <message>
        <source>Checking the backup files</source>
        <translation>Sicherungsdateien werden geprüft</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>Sicherung läuft</translation>
    </message>
    <message>
        <source>Restoring the full backup</source>
        <translation>Vollständige Sicherung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring the differential backup</source>
        <translation>Differenzielle Sicherung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring a log backup</source>
        <translation>Protokollsicherung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Restoring the copy-only backup</source>
        <translation>Kopiesicherung wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Verifying on the server</source>
        <translation>Prüfung auf dem Server</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <extracomment>A phase and where it stands among its steps: &quot;Restoring a log backup (2 of 3)&quot;</extracomment>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Average speed</source>
        <translation>Durchschnittliche Geschwindigkeit</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Was schiefging</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Details</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>New virtual disk</source>
        <translation>Neuer virtueller Datenträger</translation>
    </message>
    <message>
        <source>Disk conversion</source>
        <translation>Datenträgerkonvertierung</translation>
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
        <source>The ODBC driver &quot;%1&quot; is not installed.</source>
        <translation>Der ODBC-Treiber „%1“ ist nicht installiert.</translation>
    </message>
    <message>
        <source>Install FreeTDS (sudo apt install tdsodbc) or Microsoft&apos;s ODBC Driver 18 for SQL Server, then pick it in the Driver list.</source>
        <translation>Installieren Sie FreeTDS (sudo apt install tdsodbc) oder Microsofts ODBC Driver 18 for SQL Server und wählen Sie ihn dann in der Treiberliste aus.</translation>
    </message>
    <message>
        <source>Nothing answered at %1.</source>
        <translation>Unter %1 hat nichts geantwortet.</translation>
    </message>
    <message>
        <source>Check the host name and port, that SQL Server is running and listens on TCP (mssql-conf set network.tcpport), and that no firewall blocks the port.</source>
        <translation>Prüfen Sie Hostname und Port, ob SQL Server läuft und auf TCP lauscht (mssql-conf set network.tcpport) und ob keine Firewall den Port blockiert.</translation>
    </message>
    <message>
        <source>SQL Server refused the login &quot;%1&quot;.</source>
        <translation>SQL Server hat die Anmeldung „%1“ abgelehnt.</translation>
    </message>
    <message>
        <source>Check the login name and password (passwords are case-sensitive), and that the server allows SQL Server authentication (mixed mode).</source>
        <translation>Prüfen Sie Anmeldename und Passwort (Groß-/Kleinschreibung beachten) und ob der Server SQL-Server-Authentifizierung erlaubt (gemischter Modus).</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>Die Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Check the encryption settings and the driver; the log has the details.</source>
        <translation>Prüfen Sie die Verschlüsselungseinstellungen und den Treiber; das Protokoll enthält die Einzelheiten.</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is not a member of the sysadmin role.</source>
        <translation>Die Anmeldung „%1“ ist kein Mitglied der Rolle sysadmin.</translation>
    </message>
    <message>
        <source>Backups through virtual devices need sysadmin. Ask an administrator to run: ALTER SERVER ROLE sysadmin ADD MEMBER [%1];</source>
        <translation>Sicherungen über virtuelle Geräte erfordern sysadmin. Bitten Sie einen Administrator, Folgendes auszuführen: ALTER SERVER ROLE sysadmin ADD MEMBER [%1];</translation>
    </message>
    <message>
        <source>SQL Server at &quot;%1&quot; is not on this machine.</source>
        <translation>SQL Server unter „%1“ läuft nicht auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Virtual device backups share memory with the server, so they only work where SQL Server runs. Install Virtual Device Studio on the server and connect to it there; you can still list its databases from here.</source>
        <translation>Sicherungen über virtuelle Geräte teilen sich Speicher mit dem Server und funktionieren daher nur dort, wo SQL Server läuft. Installieren Sie Virtual Device Studio auf dem Server und verbinden Sie sich dort; die Datenbanken können Sie trotzdem von hier aus auflisten.</translation>
    </message>
    <message>
        <source>Microsoft&apos;s VDI library is missing: %1</source>
        <translation>Microsofts VDI-Bibliothek fehlt: %1</translation>
    </message>
    <message>
        <source>It comes with SQL Server on Linux (package mssql-server). If it lives elsewhere, set VDS_SQLVDI_PATH to its full path.</source>
        <translation>Sie wird mit SQL Server für Linux mitgeliefert (Paket mssql-server). Liegt sie anderswo, setzen Sie VDS_SQLVDI_PATH auf ihren vollständigen Pfad.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; and SQL Server do not share their groups yet.</source>
        <translation>„%1“ und SQL Server teilen ihre Gruppen noch nicht.</translation>
    </message>
    <message>
        <source>SQL Server can only open the virtual devices when you share groups with its account (mssql) both ways. Run sudo vdsctl setup-vdi --apply, log out and back in, and restart SQL Server if it asks; vdsctl setup-vdi shows each step.</source>
        <translation>SQL Server kann die virtuellen Geräte nur öffnen, wenn Sie und sein Konto (mssql) gegenseitig Gruppen teilen. Führen Sie sudo vdsctl setup-vdi --apply aus, melden Sie sich ab und wieder an und starten Sie SQL Server neu, falls verlangt; vdsctl setup-vdi zeigt jeden Schritt.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Connected&lt;/b&gt; to %1 (SQL Server %2%3).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verbunden&lt;/b&gt; mit %1 (SQL Server %2%3).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, the built-in simulator</source>
        <translation>, der eingebaute Simulator</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ready for backups through virtual devices.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Bereit für Sicherungen über virtuelle Geräte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No keyring: the password is kept for this session only. Install and unlock a Secret Service keyring (GNOME Keyring, KWallet) to keep it.</source>
        <translation>Kein Schlüsselbund: Das Passwort wird nur für diese Sitzung aufbewahrt. Installieren und entsperren Sie einen Secret-Service-Schlüsselbund (GNOME Keyring, KWallet), um es zu behalten.</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Stopped before the server</source>
        <translation>Vor dem Server angehalten</translation>
    </message>
    <message>
        <source>Blocks skipped</source>
        <translation>Übersprungene Blöcke</translation>
    </message>
    <message>
        <source>Blocks written</source>
        <translation>Geschriebene Blöcke</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>First LSN</source>
        <translation>Erste LSN</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Last LSN</source>
        <translation>Letzte LSN</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Files moved</source>
        <translation>Verschobene Dateien</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Server progress (%)</source>
        <translation>Serverfortschritt (%)</translation>
    </message>
    <message>
        <source>Verified by the server</source>
        <translation>Vom Server geprüft</translation>
    </message>
    <message>
        <source>Backup set</source>
        <translation>Sicherungssatz</translation>
    </message>
    <message>
        <source>Stalls</source>
        <translation>Stockungen</translation>
    </message>
    <message>
        <source>Backups applied</source>
        <translation>Angewendete Sicherungen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Unique id</source>
        <translation>Eindeutige ID</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>Virtuelle Größe</translation>
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
    <name>vds::ui::BackupDialog</name>
    <message>
        <source>Back up %1</source>
        <translation>%1 sichern</translation>
    </message>
    <message numerus="yes">
        <source>Back up %n databases</source>
        <translation>
            <numerusform>%n Datenbank sichern</numerusform>
            <numerusform>%n Datenbanken sichern</numerusform>
        </translation>
    </message>
    <message>
        <source>Server %1 · %2</source>
        <translation>Server %1 · %2</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Differential (changes since the last full)</source>
        <translation>Differenziell (Änderungen seit der letzten vollständigen Sicherung)</translation>
    </message>
    <message>
        <source>Transaction log</source>
        <translation>Transaktionsprotokoll</translation>
    </message>
    <message>
        <source>Copy-only full (leaves the backup chain alone)</source>
        <translation>Vollständige Kopiesicherung (lässt die Sicherungskette unverändert)</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>The backup stream is spread over this many files, written at the same time (virtual devices).</source>
        <translation>Der Sicherungsdatenstrom wird auf so viele Dateien verteilt, die gleichzeitig geschrieben werden (virtuelle Geräte).</translation>
    </message>
    <message>
        <source>&amp;Stripes:</source>
        <translation>&amp;Stripes:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>&amp;Destination folder:</source>
        <translation>&amp;Zielordner:</translation>
    </message>
    <message>
        <source>Tokens: {server}, {database}, {type}, {date} (UTC), {stripe}, {stripes}. Folders are allowed inside the destination.</source>
        <translation>Platzhalter: {server}, {database}, {type}, {date} (UTC), {stripe}, {stripes}. Unterordner innerhalb des Ziels sind erlaubt.</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>Datei&amp;namen:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>zstd</source>
        <translation>zstd</translation>
    </message>
    <message>
        <source>level </source>
        <translation>Stufe </translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>&amp;Komprimierung:</translation>
    </message>
    <message>
        <source>age, to recipients (public keys from files)</source>
        <translation>age, an Empfänger (öffentliche Schlüssel aus Dateien)</translation>
    </message>
    <message>
        <source>age, with a passphrase</source>
        <translation>age, mit einer Passphrase</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>Recipients files</source>
        <translation>Empfängerdateien</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Files of age recipients</source>
        <translation>Dateien mit age-Empfängern</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Page checksums (WITH CHECKSUM)</source>
        <translation>Seitenprüfsummen (WITH CHECKSUM)</translation>
    </message>
    <message>
        <source>Verify the files afterwards</source>
        <translation>Dateien anschließend prüfen</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>Er&amp;weitert</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>BUFFERCOUNT:</source>
        <translation>BUFFERCOUNT:</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>MAXTRANSFERSIZE:</source>
        <translation>MAXTRANSFERSIZE:</translation>
    </message>
    <message>
        <source>None (one per stripe)</source>
        <translation>Keine (eine pro Stripe)</translation>
    </message>
    <message>
        <source>Extra zstd threads:</source>
        <translation>Zusätzliche zstd-Threads:</translation>
    </message>
    <message>
        <source>T-SQL preview</source>
        <translation>T-SQL-Vorschau</translation>
    </message>
    <message>
        <source>Equivalent command line</source>
        <translation>Gleichwertige Befehlszeile</translation>
    </message>
    <message>
        <source>T-SQL</source>
        <translation>T-SQL</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>Save as &amp;profile…</source>
        <translation>Als &amp;Profil speichern…</translation>
    </message>
    <message>
        <source>-- %1: no statement can be built for these options</source>
        <translation>-- %1: für diese Optionen lässt sich keine Anweisung erstellen</translation>
    </message>
    <message>
        <source># the passphrase goes into %1 first
</source>
        <translation># die Passphrase kommt zuerst in %1
</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Pick at least one database on the Backup page.</source>
        <translation>Wählen Sie auf der Seite „Sicherung“ mindestens eine Datenbank aus.</translation>
    </message>
    <message>
        <source>These options cannot be sent to SQL Server for %1: check BUFFERCOUNT and MAXTRANSFERSIZE under Advanced.</source>
        <translation>Diese Optionen können für %1 nicht an SQL Server gesendet werden: Prüfen Sie BUFFERCOUNT und MAXTRANSFERSIZE unter „Erweitert“.</translation>
    </message>
</context>
<context>
    <name>vds::ui::BackupPage</name>
    <message>
        <source>Back up SQL Server databases</source>
        <translation>SQL-Server-Datenbanken sichern</translation>
    </message>
    <message>
        <source>SQL Server streams the backup to Virtual Device Studio through virtual devices; it stripes, compresses, encrypts and checksums it on the way to disk. Start by connecting to a server on this machine — or try everything first with the built-in simulator, which needs no SQL Server at all.</source>
        <translation>SQL Server überträgt die Sicherung über virtuelle Geräte an Virtual Device Studio; unterwegs zur Festplatte wird sie in Stripes aufgeteilt, komprimiert, verschlüsselt und mit Prüfsummen versehen. Verbinden Sie sich zuerst mit einem Server auf diesem Rechner – oder probieren Sie alles vorher mit dem eingebauten Simulator aus, der gar keinen SQL Server braucht.</translation>
    </message>
    <message>
        <source>Connect to a SQL Server…</source>
        <translation>Mit einem SQL Server verbinden…</translation>
    </message>
    <message>
        <source>Try the built-in simulator</source>
        <translation>Den eingebauten Simulator ausprobieren</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The connections file cannot be read.&lt;/b&gt; %1&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Die Verbindungsdatei kann nicht gelesen werden.&lt;/b&gt; %1&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>vds-sqlsim on this machine, data in %1</source>
        <translation>vds-sqlsim auf diesem Rechner, Daten in %1</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Wählen Sie eine Verbindung.</translation>
    </message>
    <message>
        <source>Reading the password…</source>
        <translation>Passwort wird gelesen…</translation>
    </message>
    <message>
        <source>No password is kept for &quot;%1&quot;: choose Edit… and enter it.</source>
        <translation>Für „%1“ ist kein Passwort gespeichert: Wählen Sie „Bearbeiten…“ und geben Sie es ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The built-in simulator did not start.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Der eingebaute Simulator ist nicht gestartet.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The simulator is not running.</source>
        <translation>Der Simulator läuft nicht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The connection could not be saved.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Verbindung konnte nicht gespeichert werden.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection &quot;%1&quot; and its stored password?</source>
        <translation>Die Verbindung „%1“ und ihr gespeichertes Passwort entfernen?</translation>
    </message>
    <message>
        <source>&lt;b&gt;The connection could not be removed.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Verbindung konnte nicht entfernt werden.&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::ConnectionDialog</name>
    <message>
        <source>Edit Connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Connect to a SQL Server</source>
        <translation>Mit einem SQL Server verbinden</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <source>SQL Server login</source>
        <translation>SQL-Server-Anmeldung</translation>
    </message>
    <message>
        <source>Kerberos (your ticket)</source>
        <translation>Kerberos (Ihr Ticket)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Wenn der Server sie anbietet</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Strict (TDS 8)</source>
        <translation>Strikt (TDS 8)</translation>
    </message>
    <message>
        <source>Trust the server&apos;s certificate without checking it</source>
        <translation>Dem Zertifikat des Servers ohne Prüfung vertrauen</translation>
    </message>
    <message>
        <source>the host name above</source>
        <translation>der Hostname oben</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>&amp;Treiber:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>An&amp;meldung:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>&amp;Verschlüsselung:</translation>
    </message>
    <message>
        <source>Certificate &amp;host name:</source>
        <translation>&amp;Hostname im Zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>That name belongs to the built-in simulator.</source>
        <translation>Dieser Name gehört dem eingebauten Simulator.</translation>
    </message>
    <message>
        <source>Give the server&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Servers an.</translation>
    </message>
    <message>
        <source>Give the SQL Server login.</source>
        <translation>Geben Sie die SQL-Server-Anmeldung an.</translation>
    </message>
    <message>
        <source>A connection named &quot;%1&quot; exists already.</source>
        <translation>Eine Verbindung namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The connection could not be saved: %1</source>
        <translation>Die Verbindung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>vds::ui::DatabasesView</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Wiederherstellungsmodell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last full backup</source>
        <translation>Letzte vollständige Sicherung</translation>
    </message>
    <message>
        <source>Last differential</source>
        <translation>Letzte differenzielle</translation>
    </message>
    <message>
        <source>Last log backup</source>
        <translation>Letzte Protokollsicherung</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Choose a connection.</source>
        <translation>Wählen Sie eine Verbindung.</translation>
    </message>
    <message>
        <source>Reading the databases…</source>
        <translation>Datenbanken werden gelesen…</translation>
    </message>
    <message>
        <source>The server could not be read.</source>
        <translation>Der Server konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Built-in simulator (%1)</source>
        <translation>Eingebauter Simulator (%1)</translation>
    </message>
    <message>
        <source>%1 — SQL Server %2</source>
        <translation>%1 — SQL Server %2</translation>
    </message>
    <message>
        <source>1 database</source>
        <translation>1 Datenbank</translation>
    </message>
    <message>
        <source>%1 databases</source>
        <translation>%1 Datenbanken</translation>
    </message>
</context>
<context>
    <name>vds::ui::HistoryPage</name>
    <message>
        <source>&lt;h2&gt;History&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Verlauf&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Every job run on this computer by Virtual Device Studio or vdsctl: its outcome, figures and report.</source>
        <translation>Jeder Auftrag, den Virtual Device Studio oder vdsctl auf diesem Computer ausgeführt hat: sein Ergebnis, seine Kennzahlen und sein Bericht.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Only jobs started on or after a date</source>
        <translation>Nur Aufträge, die an oder nach einem Datum gestartet wurden</translation>
    </message>
    <message>
        <source>Only jobs started on or before a date</source>
        <translation>Nur Aufträge, die an oder vor einem Datum gestartet wurden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>The selected job&apos;s report</source>
        <translation>Der Bericht des ausgewählten Auftrags</translation>
    </message>
    <message>
        <source>Export as &amp;HTML…</source>
        <translation>Als &amp;HTML exportieren…</translation>
    </message>
    <message>
        <source>Export as te&amp;xt…</source>
        <translation>Als Te&amp;xt exportieren…</translation>
    </message>
    <message>
        <source>The job history cannot be read: %1</source>
        <translation>Der Auftragsverlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No jobs match these filters.</source>
        <translation>Keine Aufträge entsprechen diesen Filtern.</translation>
    </message>
    <message>
        <source>The newest %1 matching jobs.</source>
        <translation>Die neuesten %1 passenden Aufträge.</translation>
    </message>
    <message>
        <source>Matching jobs: %1.</source>
        <translation>Passende Aufträge: %1.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a job to see its report.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Auftrag aus, um seinen Bericht zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No job is selected.</source>
        <translation>Kein Auftrag ausgewählt.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the report as HTML</source>
        <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
        <source>Export the report as text</source>
        <translation>Bericht als Text exportieren</translation>
    </message>
    <message>
        <source>Web pages (*.html)</source>
        <translation>Webseiten (*.html)</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
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
    <message>
        <source>Back up several databases at once (otherwise one after another)</source>
        <translation>Mehrere Datenbanken gleichzeitig sichern (sonst nacheinander)</translation>
    </message>
</context>
<context>
    <name>vds::ui::ProfileEditDialog</name>
    <message>
        <source>Edit profile — %1</source>
        <translation>Profil bearbeiten — %1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>env:VAR, file:PATH or keyring:CONNECTION</source>
        <translation>env:VAR, file:PFAD oder keyring:VERBINDUNG</translation>
    </message>
    <message>
        <source>env:VAR</source>
        <translation>env:VAR</translation>
    </message>
    <message>
        <source>several values separated by &quot;, &quot;</source>
        <translation>mehrere Werte, getrennt durch „, “</translation>
    </message>
    <message>
        <source>a profile with this name exists</source>
        <translation>ein Profil mit diesem Namen existiert</translation>
    </message>
</context>
<context>
    <name>vds::ui::ProfileExportDialog</name>
    <message>
        <source>Export as a systemd timer</source>
        <translation>Als systemd-Timer exportieren</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>&amp;Schedule (OnCalendar=):</source>
        <translation>&amp;Zeitplan (OnCalendar=):</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>only for a password from the keyring or the environment</source>
        <translation>nur für ein Passwort aus dem Schlüsselbund oder der Umgebung</translation>
    </message>
    <message>
        <source>&amp;Password file:</source>
        <translation>&amp;Passwortdatei:</translation>
    </message>
    <message>
        <source>only for an age passphrase from the environment</source>
        <translation>nur für eine age-Passphrase aus der Umgebung</translation>
    </message>
    <message>
        <source>P&amp;assphrase file:</source>
        <translation>P&amp;assphrasendatei:</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1.service and %1.timer. Enable the timer with:

systemctl --user daemon-reload
systemctl --user enable --now %1.timer</source>
        <translation>%1.service und %1.timer wurden geschrieben. Aktivieren Sie den Timer mit:

systemctl --user daemon-reload
systemctl --user enable --now %1.timer</translation>
    </message>
</context>
<context>
    <name>vds::ui::ProfileImportDialog</name>
    <message>
        <source>Import profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message>
        <source>Keep both (the imported one gets a new name)</source>
        <translation>Beide behalten (das importierte erhält einen neuen Namen)</translation>
    </message>
    <message>
        <source>Replace the existing profile</source>
        <translation>Das vorhandene Profil ersetzen</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>When a name is &amp;taken:</source>
        <translation>Wenn ein Name &amp;vergeben ist:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was passiert</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>replaces the existing profile</source>
        <translation>ersetzt das vorhandene Profil</translation>
    </message>
    <message>
        <source>added as &quot;%1&quot;</source>
        <translation>hinzugefügt als „%1“</translation>
    </message>
    <message>
        <source>skipped (the name is taken)</source>
        <translation>übersprungen (der Name ist vergeben)</translation>
    </message>
</context>
<context>
    <name>vds::ui::ProfileTextDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>vds::ui::ProfilesPage</name>
    <message>
        <source>&lt;h2&gt;Profiles&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Profile&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Saved jobs. Run one again here or with &lt;tt&gt;vdsctl run NAME&lt;/tt&gt;; export it as a bundle, a command line, T-SQL or a systemd timer.</source>
        <translation>Gespeicherte Aufträge. Führen Sie einen hier oder mit &lt;tt&gt;vdsctl run NAME&lt;/tt&gt; erneut aus; exportieren Sie ihn als Bündel, Befehlszeile, T-SQL oder systemd-Timer.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Letzte Ausführung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Import profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message>
        <source>Profiles and bundles (*.vdsbundle *.vdsprofile)</source>
        <translation>Profile und Bündel (*.vdsbundle *.vdsprofile)</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Run profile</source>
        <translation>Profil ausführen</translation>
    </message>
    <message>
        <source>vdsctl was not found next to vdstudio or on PATH.</source>
        <translation>vdsctl wurde weder neben vdstudio noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; did not succeed:

%2</source>
        <translation>Das Profil „%1“ war nicht erfolgreich:

%2</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate profile</source>
        <translation>Profil duplizieren</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Deleted the profile &quot;%1&quot;.</source>
        <translation>Das Profil „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>As a &amp;bundle…</source>
        <translation>Als &amp;Bündel…</translation>
    </message>
    <message>
        <source>As a &amp;command line…</source>
        <translation>Als &amp;Befehlszeile…</translation>
    </message>
    <message>
        <source>As &amp;T-SQL…</source>
        <translation>Als &amp;T-SQL…</translation>
    </message>
    <message>
        <source>As a &amp;systemd timer…</source>
        <translation>Als &amp;systemd-Timer…</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Bündel exportieren</translation>
    </message>
    <message>
        <source>Profile bundles (*.vdsbundle)</source>
        <translation>Profilbündel (*.vdsbundle)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export T-SQL</source>
        <translation>T-SQL exportieren</translation>
    </message>
    <message>
        <source>-- What vdstudio runs (%1 stands for the fresh uuid of each run):
</source>
        <translation>-- Was vdstudio ausführt (%1 steht für die neue UUID jeder Ausführung):
</translation>
    </message>
    <message>
        <source>;

-- The same backup written by the server itself:
</source>
        <translation>;

-- Dieselbe Sicherung, vom Server selbst geschrieben:
</translation>
    </message>
    <message>
        <source>T-SQL</source>
        <translation>T-SQL</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
</context>
<context>
    <name>vds::ui::RestorePage</name>
    <message>
        <source>Restore a database from backups made by Virtual Device Studio or vdsctl: a full backup with its differential and log backups, under a new name or over an existing database, to the end of the chain or to a point in time. Encrypted and compressed backups restore as they are.</source>
        <translation>Eine Datenbank aus Sicherungen von Virtual Device Studio oder vdsctl wiederherstellen: eine vollständige Sicherung mit ihren differenziellen und Protokollsicherungen, unter neuem Namen oder über eine vorhandene Datenbank, bis zum Ende der Kette oder zu einem Zeitpunkt. Verschlüsselte und komprimierte Sicherungen werden direkt wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restore from files or a &amp;folder…</source>
        <translation>Aus Dateien oder einem &amp;Ordner wiederherstellen…</translation>
    </message>
    <message>
        <source>%1 opens as soon as you choose the server to restore to on the Backup page.</source>
        <translation>%1 öffnet sich, sobald Sie auf der Seite „Sicherung“ den Zielserver für die Wiederherstellung wählen.</translation>
    </message>
    <message>
        <source>Restores go to %1.</source>
        <translation>Wiederherstellungen gehen an %1.</translation>
    </message>
    <message>
        <source>Choose the server to restore to on the Backup page first (connect to a SQL Server, or try the built-in simulator).</source>
        <translation>Wählen Sie zuerst auf der Seite „Sicherung“ den Zielserver für die Wiederherstellung (mit einem SQL Server verbinden oder den eingebauten Simulator ausprobieren).</translation>
    </message>
</context>
<context>
    <name>vds::ui::RestoreWizard</name>
    <message>
        <source>Restore a database</source>
        <translation>Eine Datenbank wiederherstellen</translation>
    </message>
    <message>
        <source>The server %1 could not be asked for its databases and folders. %2 %3</source>
        <translation>Der Server %1 konnte nicht nach seinen Datenbanken und Ordnern gefragt werden. %2 %3</translation>
    </message>
</context>
<context>
    <name>vds::ui::ServerProgress</name>
    <message>
        <source>%1  Msg %2, Level %3: %4</source>
        <translation>%1  Meldung %2, Schweregrad %3: %4</translation>
    </message>
    <message>
        <source>%1  Msg %2: %3</source>
        <translation>%1  Meldung %2: %3</translation>
    </message>
    <message>
        <source>The server&apos;s own progress</source>
        <translation>Der eigene Fortschritt des Servers</translation>
    </message>
    <message>
        <source>What SQL Server reports itself (its STATS messages), beside the bytes counted here</source>
        <translation>Was SQL Server selbst meldet (seine STATS-Meldungen), neben den hier gezählten Bytes</translation>
    </message>
    <message>
        <source>Messages from SQL Server</source>
        <translation>Meldungen von SQL Server</translation>
    </message>
    <message>
        <source>Server reports:</source>
        <translation>Server meldet:</translation>
    </message>
    <message>
        <source>Server messages:</source>
        <translation>Servermeldungen:</translation>
    </message>
    <message>
        <source>Not moving: %1. The other stripes go on; SQL Server waits for this one.</source>
        <translation>Keine Bewegung: %1. Die anderen Stripes laufen weiter; SQL Server wartet auf diesen.</translation>
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
    <message>
        <source>%1 — stalled</source>
        <translation>%1 — stockt</translation>
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
    <name>vds::ui::backupcheck</name>
    <message>
        <source>Choose a destination folder for the backup files.</source>
        <translation>Wählen Sie einen Zielordner für die Sicherungsdateien.</translation>
    </message>
    <message>
        <source>The destination “%1” is not a full path: choose a folder, starting with /.</source>
        <translation>Das Ziel „%1“ ist kein vollständiger Pfad: Wählen Sie einen Ordner, beginnend mit /.</translation>
    </message>
    <message>
        <source>“%1” is a file, not a folder: choose a folder for the backup files.</source>
        <translation>„%1“ ist eine Datei, kein Ordner: Wählen Sie einen Ordner für die Sicherungsdateien.</translation>
    </message>
    <message>
        <source>You cannot write to “%1”: choose another folder, or change its permissions.</source>
        <translation>Sie können nicht in „%1“ schreiben: Wählen Sie einen anderen Ordner oder ändern Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>“%1” does not exist and cannot be made, because you cannot write to “%2”: choose another folder.</source>
        <translation>„%1“ existiert nicht und kann nicht angelegt werden, weil Sie nicht in „%2“ schreiben können: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The file-name pattern “%1” cannot be used: it may only use the tokens {server}, {database}, {type}, {date}, {stripe} and {stripes}, and must stay inside the destination folder (no “..”, not starting with /).</source>
        <translation>Das Dateinamensmuster „%1“ kann nicht verwendet werden: Es darf nur die Platzhalter {server}, {database}, {type}, {date}, {stripe} und {stripes} verwenden und muss innerhalb des Zielordners bleiben (kein „..“, nicht mit / beginnend).</translation>
    </message>
    <message>
        <source>Add a file of age recipients (public keys, age1…) to encrypt to, or choose a passphrase instead.</source>
        <translation>Fügen Sie eine Datei mit age-Empfängern (öffentliche Schlüssel, age1…) hinzu, an die verschlüsselt wird, oder wählen Sie stattdessen eine Passphrase.</translation>
    </message>
    <message>
        <source>The recipients file “%1” cannot be read: check that it exists and that you may read it.</source>
        <translation>Die Empfängerdatei „%1“ kann nicht gelesen werden: Prüfen Sie, ob sie existiert und ob Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>The recipients file “%1” holds no valid age recipient: each line should be a public key starting with age1 (as age-keygen prints it).</source>
        <translation>Die Empfängerdatei „%1“ enthält keinen gültigen age-Empfänger: Jede Zeile sollte ein öffentlicher Schlüssel sein, der mit age1 beginnt (wie ihn age-keygen ausgibt).</translation>
    </message>
    <message>
        <source>Enter a passphrase: age encrypts the backup with it, and it is needed to restore.</source>
        <translation>Geben Sie eine Passphrase ein: age verschlüsselt die Sicherung damit, und sie wird zur Wiederherstellung benötigt.</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>Die beiden Passphrasen unterscheiden sich: Geben Sie zweimal dieselbe Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::FilesPage</name>
    <message>
        <source>Database files</source>
        <translation>Datenbankdateien</translation>
    </message>
    <message>
        <source>Where the restored database&apos;s files go on the server. Double-click a path to change it.</source>
        <translation>Wohin die Dateien der wiederhergestellten Datenbank auf dem Server kommen. Doppelklicken Sie auf einen Pfad, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Logical name</source>
        <translation>Logischer Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Restore to</source>
        <translation>Wiederherstellen nach</translation>
    </message>
    <message>
        <source>All to the server&apos;s &amp;default folders</source>
        <translation>Alle in die &amp;Standardordner des Servers</translation>
    </message>
    <message>
        <source>&amp;Original locations</source>
        <translation>&amp;Ursprüngliche Speicherorte</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The server&apos;s default folders: data %1, log %2.</source>
        <translation>Die Standardordner des Servers: Daten %1, Protokoll %2.</translation>
    </message>
    <message>
        <source>Give a path for %1.</source>
        <translation>Geben Sie einen Pfad für %1 an.</translation>
    </message>
    <message>
        <source>The path for %1 must be a full path on the server (starting with /).</source>
        <translation>Der Pfad für %1 muss ein vollständiger Pfad auf dem Server sein (beginnend mit /).</translation>
    </message>
    <message>
        <source>Two files cannot both go to %1.</source>
        <translation>Zwei Dateien können nicht beide nach %1.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::KeysPage</name>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The backups are encrypted. Give what opens them; it is checked against every stripe before anything is sent to the server.</source>
        <translation>Die Sicherungen sind verschlüsselt. Geben Sie an, womit sie sich öffnen lassen; das wird an jedem Stripe geprüft, bevor etwas an den Server geht.</translation>
    </message>
    <message>
        <source>age &amp;identity file (the secret key, as age-keygen writes it):</source>
        <translation>age-&amp;Identitätsdatei (der geheime Schlüssel, wie age-keygen ihn schreibt):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>age identity file</source>
        <translation>age-Identitätsdatei</translation>
    </message>
    <message>
        <source>The identity file %1 does not exist.</source>
        <translation>Die Identitätsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not an age identity file: it holds no AGE-SECRET-KEY-1… line.</source>
        <translation>%1 ist keine age-Identitätsdatei: Sie enthält keine Zeile AGE-SECRET-KEY-1….</translation>
    </message>
    <message>
        <source>Checking the keys against every stripe…</source>
        <translation>Schlüssel werden an jedem Stripe geprüft…</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::PointInTimePage</name>
    <message>
        <source>Point in time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Restore everything the chain holds, or stop at a moment within it: the database comes back as it was then.</source>
        <translation>Alles wiederherstellen, was die Kette enthält, oder an einem Moment darin anhalten: Die Datenbank wird so zurückgebracht, wie sie damals war.</translation>
    </message>
    <message>
        <source>The &amp;end of the chain (the most recent data)</source>
        <translation>Das &amp;Ende der Kette (die neuesten Daten)</translation>
    </message>
    <message>
        <source>A &amp;point in time:</source>
        <translation>Ein &amp;Zeitpunkt:</translation>
    </message>
    <message>
        <source>Between %1 (the end of the full backup) and %2 (the end of the last log backup).</source>
        <translation>Zwischen %1 (Ende der vollständigen Sicherung) und %2 (Ende der letzten Protokollsicherung).</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>This restores: %1.</source>
        <translation>Wiederhergestellt wird: %1.</translation>
    </message>
    <message>
        <source>The last log backup is applied up to the point in time.</source>
        <translation>Die letzte Protokollsicherung wird bis zum Zeitpunkt angewendet.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::ProgressPage</name>
    <message>
        <source>Restoring</source>
        <translation>Wiederherstellung läuft</translation>
    </message>
    <message>
        <source>You can close this window: the restore keeps running in the Jobs panel.</source>
        <translation>Sie können dieses Fenster schließen: Die Wiederherstellung läuft im Auftragsbereich weiter.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::ResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 is restored and left restoring: apply further log backups, then recover it.</source>
        <translation>%1 ist wiederhergestellt und bleibt im Wiederherstellungszustand: Wenden Sie weitere Protokollsicherungen an und stellen Sie sie dann online.</translation>
    </message>
    <message>
        <source>%1 is restored and online.</source>
        <translation>%1 ist wiederhergestellt und online.</translation>
    </message>
    <message>
        <source>The restore did not complete.</source>
        <translation>Die Wiederherstellung wurde nicht abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::SourcePage</name>
    <message>
        <source>Backup to restore</source>
        <translation>Wiederherzustellende Sicherung</translation>
    </message>
    <message>
        <source>Choose a folder of backups (its newest full + differential + log chain is used) or one backup&apos;s manifest file. Nothing is sent to the server yet.</source>
        <translation>Wählen Sie einen Ordner mit Sicherungen (dessen neueste Kette aus vollständiger, differenzieller und Protokollsicherung wird verwendet) oder die Manifestdatei einer Sicherung. Noch wird nichts an den Server gesendet.</translation>
    </message>
    <message>
        <source>Backup folder or manifest file</source>
        <translation>Sicherungsordner oder Manifestdatei</translation>
    </message>
    <message>
        <source>A folder of backups, or a .manifest.json file</source>
        <translation>Ein Ordner mit Sicherungen oder eine .manifest.json-Datei</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>&amp;Ordner…</translation>
    </message>
    <message>
        <source>Backup &amp;file…</source>
        <translation>Sicherungs&amp;datei…</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>The backups this restore applies</source>
        <translation>Die Sicherungen, die diese Wiederherstellung anwendet</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Stripes</source>
        <translation>Stripes</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Gespeichert als</translation>
    </message>
    <message>
        <source>LSN range</source>
        <translation>LSN-Bereich</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Folder of backups</source>
        <translation>Ordner mit Sicherungen</translation>
    </message>
    <message>
        <source>Backup manifest</source>
        <translation>Sicherungsmanifest</translation>
    </message>
    <message>
        <source>Backup manifests (*.manifest.json)</source>
        <translation>Sicherungsmanifeste (*.manifest.json)</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder holds backups of several databases: choose which one to restore.</source>
        <translation>Der Ordner enthält Sicherungen mehrerer Datenbanken: Wählen Sie, welche wiederhergestellt werden soll.</translation>
    </message>
    <message>
        <source>Backups of %1 to restore: %2, ending %3.</source>
        <translation>Wiederherzustellende Sicherungen von %1: %2, endend %3.</translation>
    </message>
    <message>
        <source>Other backups in the folder that are not part of this chain (older chains, or differentials the logs already cover): %1.</source>
        <translation>Weitere Sicherungen im Ordner, die nicht zu dieser Kette gehören (ältere Ketten oder differenzielle Sicherungen, die die Protokolle bereits abdecken): %1.</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the restore. The statements the server will run and the same job on the command line are shown below.</source>
        <translation>Prüfen Sie die Wiederherstellung. Unten stehen die Anweisungen, die der Server ausführt, und derselbe Auftrag als Befehlszeile.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>T-SQL (the set name is made for each run):</source>
        <translation>T-SQL (der Satzname wird für jede Ausführung erzeugt):</translation>
    </message>
    <message>
        <source>T-SQL the server runs</source>
        <translation>T-SQL, das der Server ausführt</translation>
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
        <source>Save as &amp;profile…</source>
        <translation>Als &amp;Profil speichern…</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>Als Profil speichern</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Point in time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>the end of the chain</source>
        <translation>das Ende der Kette</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>%1 — replaces the existing database</source>
        <translation>%1 — ersetzt die vorhandene Datenbank</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>left restoring (NORECOVERY)</source>
        <translation>im Wiederherstellungszustand belassen (NORECOVERY)</translation>
    </message>
    <message>
        <source>online (RECOVERY)</source>
        <translation>online (RECOVERY)</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Identitätsdatei</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>given (not stored)</source>
        <translation>angegeben (nicht gespeichert)</translation>
    </message>
    <message>
        <source>-- cannot be built: %1</source>
        <translation>-- kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source># set VDS_PASSPHRASE to the passphrase first
</source>
        <translation># zuerst VDS_PASSPHRASE auf die Passphrase setzen
</translation>
    </message>
</context>
<context>
    <name>vds::ui::restore::TargetPage</name>
    <message>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <source>Restore under a new name, or over an existing database (its data is then replaced).</source>
        <translation>Unter einem neuen Namen wiederherstellen oder über eine vorhandene Datenbank (deren Daten werden dann ersetzt).</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>When the restore ends</source>
        <translation>Wenn die Wiederherstellung endet</translation>
    </message>
    <message>
        <source>Bring the database &amp;online (RECOVERY)</source>
        <translation>Die Datenbank &amp;online schalten (RECOVERY)</translation>
    </message>
    <message>
        <source>Leave it &amp;restoring, so further log backups can be applied later (NORECOVERY)</source>
        <translation>Im &amp;Wiederherstellungszustand belassen, damit später weitere Protokollsicherungen angewendet werden können (NORECOVERY)</translation>
    </message>
    <message>
        <source>Asking the server for its databases and folders…</source>
        <translation>Der Server wird nach seinen Datenbanken und Ordnern gefragt…</translation>
    </message>
    <message>
        <source>Give the database a name.</source>
        <translation>Geben Sie der Datenbank einen Namen.</translation>
    </message>
    <message>
        <source>A database name has at most 128 characters.</source>
        <translation>Ein Datenbankname hat höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>A database named %1 already exists on the server. Choose another name, or replace it.</source>
        <translation>Eine Datenbank namens %1 existiert bereits auf dem Server. Wählen Sie einen anderen Namen oder ersetzen Sie sie.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;Replace the existing database %1 (REPLACE): everything in it now is overwritten</source>
        <translation>Die vorhandene Datenbank %1 e&amp;rsetzen (REPLACE): Alles, was sie jetzt enthält, wird überschrieben</translation>
    </message>
    <message>
        <source>%1 exists on this server.</source>
        <translation>%1 existiert auf diesem Server.</translation>
    </message>
    <message>
        <source>Replace %1?</source>
        <translation>%1 ersetzen?</translation>
    </message>
    <message>
        <source>Replace the database %1 on %2 with the backup? Everything %1 holds now is overwritten; this cannot be undone.</source>
        <translation>Die Datenbank %1 auf %2 durch die Sicherung ersetzen? Alles, was %1 jetzt enthält, wird überschrieben; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Replace %1</source>
        <translation>%1 ersetzen</translation>
    </message>
</context>
<context>
    <name>vds::ui::restoretext</name>
    <message>
        <source>Full</source>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Differential</source>
        <translation>Differenziell</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Copy-only full</source>
        <translation>Vollständige Kopie</translation>
    </message>
    <message>
        <source>zstd</source>
        <translation>zstd</translation>
    </message>
    <message>
        <source>age (key)</source>
        <translation>age (Schlüssel)</translation>
    </message>
    <message>
        <source>age (passphrase)</source>
        <translation>age (Passphrase)</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>unkomprimiert, unverschlüsselt</translation>
    </message>
    <message>
        <source>The backup chain has a gap: no log backup continues from LSN %1, where %2 ends.</source>
        <translation>Die Sicherungskette hat eine Lücke: Keine Protokollsicherung setzt bei LSN %1 fort, wo %2 endet.</translation>
    </message>
    <message>
        <source>The next log backup, %1, starts at LSN %2, so a log backup taken between them is missing from the folder.</source>
        <translation>Die nächste Protokollsicherung, %1, beginnt bei LSN %2; eine dazwischen erstellte Protokollsicherung fehlt also im Ordner.</translation>
    </message>
    <message>
        <source>Put the missing log backup (its manifest and stripe files) into the folder and look again.</source>
        <translation>Legen Sie die fehlende Protokollsicherung (ihr Manifest und ihre Stripe-Dateien) in den Ordner und suchen Sie erneut.</translation>
    </message>
    <message>
        <source>The passphrase does not open the backup %1. Check the passphrase (it is case-sensitive) and try again.</source>
        <translation>Die Passphrase öffnet die Sicherung %1 nicht. Prüfen Sie die Passphrase (Groß-/Kleinschreibung beachten) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>None of the keys in the identity file opens the backup %1: it was encrypted for other recipients. Choose the identity file that belongs to one of its recipients.</source>
        <translation>Keiner der Schlüssel in der Identitätsdatei öffnet die Sicherung %1: Sie wurde für andere Empfänger verschlüsselt. Wählen Sie die Identitätsdatei, die zu einem ihrer Empfänger gehört.</translation>
    </message>
    <message>
        <source>A stripe of the backup %1 is missing: %2.</source>
        <translation>Ein Stripe der Sicherung %1 fehlt: %2.</translation>
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
    <message>
        <source>Save as &amp;profile…</source>
        <translation>Als &amp;Profil speichern…</translation>
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
