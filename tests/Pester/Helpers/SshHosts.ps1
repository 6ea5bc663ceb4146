# Several "hosts" on one machine for the many-hosts tests: each host is a network namespace
# with an eth0 on one bridge in the caller's namespace, running its own sshd (started inside
# the namespace, as fixture) with the PowerShell subsystem, so that PowerShell remoting over
# SSH reaches each host at its own address and IpipTools there sees that host's namespace.
# Keys, host key, sshd configurations, known hosts and the module folder the hosts import
# IpipTools from all live in one temporary folder that Remove-SshHostLab deletes.

# Builds the lab: a bridge and a /24 (198.18.N.0, N random) in the caller's namespace,
# hosts 1..Count with sshd listening on .1 .. .Count, and -Silent hosts after them (an
# address, no sshd: connecting is refused). Returns the lab; pass it to Remove-SshHostLab
# in AfterAll, even when this fails half-way (it removes whatever exists).
function New-SshHostLab {
    param([int] $Count = 3, [int] $Silent = 0)

    $sshd = Get-Command sshd -ErrorAction Ignore
    if (-not $sshd) { $sshd = Get-Item /usr/sbin/sshd -ErrorAction Ignore }
    if (-not $sshd) {
        throw 'sshd is not installed: the many-hosts tests need openssh-server (.ci/run installs it).'
    }

    $id = [guid]::NewGuid().ToString('N').Substring(0, 6)
    $lab = [pscustomobject]@{
        Id        = $id
        Bridge    = "mhb$id"
        Subnet    = "198.18.$(Get-Random -Minimum 2 -Maximum 250)"
        Folder    = Join-Path ([IO.Path]::GetTempPath()) "ipiptools-ssh-$id"
        Hosts     = [System.Collections.Generic.List[object]]::new()
        SshOption = $null
        KeyFile   = $null
    }

    $null = New-Item -ItemType Directory -Path $lab.Folder
    $null = New-Item -ItemType Directory -Path /run/sshd -Force
    Invoke-Fixture ip link add $lab.Bridge type bridge
    Invoke-Fixture ip addr add "$($lab.Subnet).254/24" dev $lab.Bridge
    Invoke-Fixture ip link set $lab.Bridge up

    # The client's key (authorized on every host) and one host key for all hosts.
    $lab.KeyFile = Join-Path $lab.Folder 'client'
    Invoke-Fixture ssh-keygen -q -t ed25519 -N '' -C ipiptools-tests -f $lab.KeyFile
    Invoke-Fixture ssh-keygen -q -t ed25519 -N '' -C ipiptools-tests -f (Join-Path $lab.Folder 'hostkey')
    Copy-Item "$($lab.KeyFile).pub" (Join-Path $lab.Folder 'authorized_keys')
    # The ssh client's configuration, as ssh -o options: the lab's known hosts, no prompts.
    $lab.SshOption = @{
        UserKnownHostsFile    = Join-Path $lab.Folder 'known_hosts'
        StrictHostKeyChecking = 'accept-new'
        IdentitiesOnly        = 'yes'
        ConnectTimeout        = '5'
        BatchMode             = 'yes'
        LogLevel              = 'ERROR'
    }

    # The hosts import IpipTools by name: a module folder named IpipTools, pointing at the
    # module these tests import.
    $modules = Join-Path $lab.Folder 'modules'
    $null = New-Item -ItemType Directory -Path $modules
    $null = New-Item -ItemType SymbolicLink -Path (Join-Path $modules 'IpipTools') -Target (Split-Path (Get-Module IpipTools).Path)

    for ($n = 1; $n -le $Count + $Silent; $n++) {
        $h = [pscustomobject]@{
            N         = $n
            Namespace = "mh$id-$n"
            Address   = "$($lab.Subnet).$n"
            PidFile   = Join-Path $lab.Folder "sshd-$n.pid"
            HasSshd   = $n -le $Count
        }
        $lab.Hosts.Add($h)
        Invoke-Fixture ip netns add $h.Namespace
        Invoke-Fixture ip link add "mh$id$n" type veth peer name eth0 netns $h.Namespace
        Invoke-Fixture ip link set "mh$id$n" master $lab.Bridge up
        Invoke-Fixture ip -n $h.Namespace link set lo up
        Invoke-Fixture ip -n $h.Namespace link set eth0 up
        Invoke-Fixture ip -n $h.Namespace addr add "$($h.Address)/24" dev eth0
        if ($h.HasSshd) { Start-HostSshd $lab $h }
    }

    $lab
}

# Starts the sshd of host H (a daemon inside its namespace) and waits until it listens.
function Start-HostSshd {
    param($Lab, $H)
    $config = Join-Path $Lab.Folder "sshd-$($H.N).conf"
    # pwsh as this test runs it: the dotnet host and pwsh.dll of the pinned tool.
    $pwsh = "$((Get-Process -Id $PID).Path) $(Join-Path $PSHOME 'pwsh.dll')"
    @(
        "ListenAddress $($H.Address)"
        'Port 22'
        "HostKey $(Join-Path $Lab.Folder 'hostkey')"
        "PidFile $($H.PidFile)"
        "AuthorizedKeysFile $(Join-Path $Lab.Folder 'authorized_keys')"
        'PermitRootLogin prohibit-password'
        'PasswordAuthentication no'
        'KbdInteractiveAuthentication no'
        'UsePAM no'
        'StrictModes no'
        "SetEnv PSModulePath=$(Join-Path $Lab.Folder 'modules') POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off DOTNET_NOLOGO=1"
        "Subsystem powershell $pwsh -sshs -NoLogo -NoProfile"
    ) | Set-Content -Path $config
    Invoke-Fixture ip netns exec $H.Namespace /usr/sbin/sshd -f $config -E (Join-Path $Lab.Folder "sshd-$($H.N).log")
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    while (-not (Test-Path $H.PidFile)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "sshd of $($H.Namespace) did not start: $(Get-Content -Raw (Join-Path $Lab.Folder "sshd-$($H.N).log") -ErrorAction Ignore)" }
        Start-Sleep -Milliseconds 100
    }
}

# Removes everything New-SshHostLab made that exists: sshd daemons, namespaces, the bridge, the folder.
function Remove-SshHostLab {
    param($Lab)
    if (-not $Lab) { return }
    foreach ($h in $Lab.Hosts) {
        if (Test-Path $h.PidFile) {
            $daemon = [int](Get-Content $h.PidFile -ErrorAction Ignore | Select-Object -First 1)
            if ($daemon -gt 0) { Stop-Process -Id $daemon -Force -ErrorAction Ignore }
        }
        if (Test-Path "/run/netns/$($h.Namespace)") {
            # Sessions' sshd children and their pwsh live in the namespace too.
            foreach ($process in @(ip netns pids $h.Namespace 2>$null)) { Stop-Process -Id ([int]$process) -Force -ErrorAction Ignore }
            ip netns del $h.Namespace 2>$null
        }
    }
    ip link show dev $Lab.Bridge *> $null
    if ($LASTEXITCODE -eq 0) { ip link del $Lab.Bridge 2>$null }
    Remove-Item -Recurse -Force $Lab.Folder -ErrorAction Ignore
}
