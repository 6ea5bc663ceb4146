# New/Get/Remove-NetNamespace, Enter/Exit-NetNamespace, Invoke-NetNamespaceCommand, with
# ip netns and ip -n as the oracle. Each It makes its own namespace and removes it.
Describe 'Namespace cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        $script:Name = 'ipt-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    AfterEach {
        Exit-NetNamespace -ErrorAction SilentlyContinue
        if (Test-Path "/run/netns/$Name") { ip netns delete $Name }
    }

    It 'creates a namespace that ip netns sees, with only lo in it' {
        $ns = New-NetNamespace $Name
        $ns.Name | Should -Be $Name
        (ip -j netns list | ConvertFrom-Json).name | Should -Contain $Name
        (Get-IpJson $Name link show).ifname | Should -Be @('lo')
    }

    It 'reports a namespace that ip netns add made, by name and by wildcard' {
        ip netns add $Name
        (Get-NetNamespace $Name).Path | Should -Be "/run/netns/$Name"
        Get-NetNamespace 'ipt-pester-*' | Where-Object Name -eq $Name | Should -HaveCount 1
    }

    It 'refuses a name in use with ResourceExists' {
        ip netns add $Name
        { New-NetNamespace $Name -ErrorAction Stop } | Should -Throw -ErrorId 'NamespaceExists,IpipTools.Namespaces.NewNetNamespaceCommand'
    }

    It 'reports a missing namespace as ObjectNotFound, with what to do' {
        Get-NetNamespace $Name -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].Exception.Message | Should -BeLike "*$Name*"
        $failure[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'removes a namespace that ip netns add made' {
        ip netns add $Name
        Remove-NetNamespace $Name -Confirm:$false
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $Name
    }

    It 'names the removal under -WhatIf and removes nothing' {
        ip netns add $Name
        $run = Invoke-HostCaptured { Remove-NetNamespace $Name -WhatIf } @{ Name = $Name }
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -BeLike "What if:*$Name*"
        (ip -j netns list | ConvertFrom-Json).name | Should -Contain $Name
    }

    It 'makes an entered namespace the default without moving the thread, until Exit' {
        ip netns add $Name
        ip -n $Name link add ipt-bridge type bridge
        $before = (Get-Item /proc/thread-self/ns/net).Target
        Enter-NetNamespace $Name
        (Get-NetLink).Name | Sort-Object | Should -Be @((Get-IpJson $Name link show).ifname | Sort-Object)
        (Get-Item /proc/thread-self/ns/net).Target | Should -Be $before
        Exit-NetNamespace
        (Get-NetLink).Name | Should -Not -Contain 'ipt-bridge'
    }

    It 'refuses to exit with nothing entered' {
        { Exit-NetNamespace -ErrorAction Stop } | Should -Throw -ErrorId 'NoNamespaceEntered,IpipTools.Namespaces.ExitNetNamespaceCommand'
    }

    It 'runs a native command inside the namespace: it sees what ip -n sees' {
        ip netns add $Name
        ip -n $Name link add ipt-bridge type bridge
        $inside = Invoke-NetNamespaceCommand -NetNamespace $Name ip '-j' link show | ConvertFrom-Json
        $inside.ifname | Should -Be @((Get-IpJson $Name link show).ifname)
        $inside.ifname | Should -Contain 'ipt-bridge'
        $LASTEXITCODE | Should -Be 0
    }

    It 'keeps the exit code of a failing command and reports it' {
        ip netns add $Name
        Invoke-NetNamespaceCommand -NetNamespace $Name /bin/sh '-c' 'exit 3' -ErrorVariable failure -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 3
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NativeCommandFailed*'
    }
}

# -NetNamespace left out means the session's default; $null or '' given on the command line
# is a typo ($lab.NoSuchProperty) and must not quietly mean the host. The table holds every
# exported cmdlet with a -NetNamespace parameter (or alias), with its mandatory arguments.
# The suite enters a throwaway namespace first: a cmdlet that wrongly falls back to the
# session's default then changes that namespace, never the host's.
Describe '-NetNamespace $null or empty is a binding error' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Default = New-NetNamespaceFixture
        Enter-NetNamespace $Default.Namespace
        $script:Probe = 'ipt-empty-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:Calls = [ordered]@{
            'New-IpipTunnel'           = @{ Name = $Probe; Remote = '192.0.2.1' }
            'Get-IpipTunnel'           = @{}
            'Set-IpipTunnel'           = @{ Name = $Probe; Up = $true }
            'Remove-IpipTunnel'        = @{ Name = $Probe; Confirm = $false }
            'New-IpTunnel'             = @{ Name = $Probe; Mode = 'gre'; Remote = '192.0.2.1' }
            'Get-IpTunnel'             = @{}
            'Set-IpTunnel'             = @{ Name = $Probe; Up = $true }
            'Remove-IpTunnel'          = @{ Name = $Probe; Confirm = $false }
            'Add-IpAddress'            = @{ Address = '192.0.2.7/32'; InterfaceName = 'lo' }
            'Get-IpAddress'            = @{}
            'Remove-IpAddress'         = @{ Address = '192.0.2.7/32'; InterfaceName = 'lo'; Confirm = $false }
            'Add-IpRoute'              = @{ Destination = '198.51.100.0/24'; InterfaceName = 'lo' }
            'Get-IpRoute'              = @{}
            'Remove-IpRoute'           = @{ Destination = '198.51.100.0/24'; Confirm = $false }
            'Add-TunnelPeerAddress'    = @{ Address = '192.0.2.7'; InterfaceName = 'lo' }
            'Get-TunnelPeerAddress'    = @{}
            'Remove-TunnelPeerAddress' = @{ Address = '192.0.2.7'; InterfaceName = 'lo'; Confirm = $false }
            'Add-OnlinkRoute'          = @{ Destination = '198.51.100.0/24'; InterfaceName = 'lo' }
            'Get-OnlinkRoute'          = @{}
            'Remove-OnlinkRoute'       = @{ Destination = '198.51.100.0/24'; Confirm = $false }
            'Get-NetLink'              = @{}
            'New-VethPair'             = @{ Name = $Probe; PeerName = "$Probe-p" }
            'Get-VethPair'             = @{}
            'Remove-VethPair'          = @{ Name = $Probe; Confirm = $false }
            'Set-NetLink'              = @{ Name = $Probe; Up = $true }
            'Remove-NetLink'           = @{ Name = $Probe; Confirm = $false }
            'New-NetBridge'            = @{ Name = $Probe }
            'Set-NetBridge'            = @{ Name = $Probe; SpanningTree = $true }
            'Remove-NetBridge'         = @{ Name = $Probe; Confirm = $false }
            'Get-IpForwarding'         = @{}
            'Enable-IpForwarding'      = @{ Confirm = $false }
            'Disable-IpForwarding'     = @{ Confirm = $false }
            'Test-IpipSupport'         = @{}
            'Get-IpipTopology'         = @{}
            'Test-IpipTopology'        = @{ InputObject = @{ Namespaces = @() } }
            'Set-IpipTopology'         = @{ InputObject = @{ Namespaces = @() }; Confirm = $false }
            'Set-IpipMesh'             = @{ Address = '10.42.1.0'; Peer = @{}; Confirm = $false }
            'Invoke-NetNamespaceCommand' = @{ FilePath = '/bin/true' }
            'New-NetNamespace'         = @{ Confirm = $false }
            'Get-NetNamespace'         = @{}
            'Remove-NetNamespace'      = @{ Confirm = $false }
            'Enter-NetNamespace'       = @{}
            'Get-IpRule'               = @{}
            'Add-IpRule'               = @{ From = '198.51.100.0/24'; Table = 100 }
            'Remove-IpRule'            = @{ Priority = 1234; Confirm = $false }
            'Get-IpNeighbor'           = @{}
            'Add-IpNeighbor'           = @{ Address = '192.0.2.9'; LinkLayerAddress = '02:00:00:00:00:09'; InterfaceName = 'lo' }
            'Set-IpNeighbor'           = @{ Address = '192.0.2.9'; LinkLayerAddress = '02:00:00:00:00:09'; InterfaceName = 'lo' }
            'Remove-IpNeighbor'        = @{ Address = '192.0.2.9'; InterfaceName = 'lo'; Confirm = $false }
            'Get-BridgeFdbEntry'       = @{}
            'Add-BridgeFdbEntry'       = @{ MacAddress = '02:00:00:00:00:09'; InterfaceName = 'lo' }
            'Remove-BridgeFdbEntry'    = @{ MacAddress = '02:00:00:00:00:09'; InterfaceName = 'lo'; Confirm = $false }
            'Get-XfrmState'            = @{}
            'New-XfrmState'            = @{ Source = '192.0.2.1'; Destination = '192.0.2.2'; Spi = 256 }
            'Set-XfrmState'            = @{ Destination = '192.0.2.2'; Spi = 256 }
            'Remove-XfrmState'         = @{ Destination = '192.0.2.2'; Spi = 256; Confirm = $false }
            'Get-XfrmPolicy'           = @{}
            'New-XfrmPolicy'           = @{ Direction = 'Out' }
            'Set-XfrmPolicy'           = @{ Direction = 'Out' }
            'Remove-XfrmPolicy'        = @{ Direction = 'Out'; Confirm = $false }
        }
    }

    AfterAll {
        Exit-NetNamespace
        Remove-NetNamespaceFixture $Default -Confirm:$false
    }

    It 'covers every cmdlet that takes -NetNamespace' {
        $taking = Get-Command -Module IpipTools | Where-Object {
            $_.Parameters.Values | Where-Object { $_.Name -eq 'NetNamespace' -or $_.Aliases -contains 'NetNamespace' }
        }
        $taking.Name | Sort-Object | Should -Be ($Calls.Keys | Sort-Object)
    }

    It '<Cmdlet> refuses -NetNamespace <Shown>' -ForEach @(
        foreach ($value in @($null, '')) {
            foreach ($name in @(
                    'New-IpipTunnel', 'Get-IpipTunnel', 'Set-IpipTunnel', 'Remove-IpipTunnel',
                    'New-IpTunnel', 'Get-IpTunnel', 'Set-IpTunnel', 'Remove-IpTunnel',
                    'Add-IpAddress', 'Get-IpAddress', 'Remove-IpAddress', 'Add-IpRoute', 'Get-IpRoute', 'Remove-IpRoute',
                    'Add-TunnelPeerAddress', 'Get-TunnelPeerAddress', 'Remove-TunnelPeerAddress',
                    'Add-OnlinkRoute', 'Get-OnlinkRoute', 'Remove-OnlinkRoute',
                    'Get-NetLink', 'New-VethPair', 'Get-VethPair', 'Remove-VethPair',
                    'Set-NetLink', 'Remove-NetLink', 'New-NetBridge', 'Set-NetBridge', 'Remove-NetBridge',
                    'Get-IpForwarding', 'Enable-IpForwarding', 'Disable-IpForwarding', 'Test-IpipSupport',
                    'Get-IpipTopology', 'Test-IpipTopology', 'Set-IpipTopology', 'Set-IpipMesh',
                    'Invoke-NetNamespaceCommand', 'New-NetNamespace', 'Get-NetNamespace', 'Remove-NetNamespace', 'Enter-NetNamespace',
                    'Get-IpRule', 'Add-IpRule', 'Remove-IpRule', 'Get-IpNeighbor', 'Add-IpNeighbor', 'Set-IpNeighbor', 'Remove-IpNeighbor',
                    'Get-BridgeFdbEntry', 'Add-BridgeFdbEntry', 'Remove-BridgeFdbEntry',
                    'Get-XfrmState', 'New-XfrmState', 'Set-XfrmState', 'Remove-XfrmState', 'Get-XfrmPolicy', 'New-XfrmPolicy', 'Set-XfrmPolicy', 'Remove-XfrmPolicy')) {
                @{ Cmdlet = $name; Value = $value; Shown = if ($null -eq $value) { '$null' } else { "''" } }
            }
        }) {
        $arguments = $Calls[$Cmdlet].Clone()
        $arguments.NetNamespace = $Value
        $failure = $null
        try { & $Cmdlet @arguments -ErrorAction Stop | Out-Null } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because "$Cmdlet -NetNamespace $Shown must not run against the session's namespace"
        $failure.FullyQualifiedErrorId | Should -Match '^(NetNamespaceNullOrEmpty|ParameterArgumentValidationError)'
        $failure.Exception | Should -BeOfType System.Management.Automation.ParameterBindingException
    }

    It 'changes nothing in the session''s namespace' {
        { New-VethPair $Probe "$Probe-p" -NetNamespace $null -ErrorAction Stop } | Should -Throw
        (ip -n $Default.Namespace -j link show | ConvertFrom-Json).ifname | Should -Be @('lo')
    }

    It 'still lets a piped object without a namespace mean the default' {
        ([pscustomobject]@{ Namespace = $null } | Get-NetLink).Name | Should -Be @('lo')
    }
}

# Get-NetNamespace writes objects that keep the next cmdlet in their namespace; it takes
# several names; New-NetNamespace and Remove-NetNamespace take piped strings.
Describe 'Namespace objects and names in the pipeline' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
    }

    # Fresh names for every case, made by ip netns add where a case needs them to exist:
    # no case relies on what another one created.
    BeforeEach {
        $script:Stem = 'ipt-pipe-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:Names = "$Stem-a", "$Stem-b"
    }

    AfterEach {
        foreach ($name in $Names) { ip netns delete $name 2>$null }
    }

    It 'creates namespaces from piped strings' {
        $made = $Names | New-NetNamespace
        $made.Name | Should -Be $Names
        $listed = ip -j netns list | ConvertFrom-Json
        $Names | ForEach-Object { $listed.name | Should -Contain $_ }
    }

    It 'gets several names at once' {
        foreach ($name in $Names) { ip netns add $name }
        (Get-NetNamespace $Names).Name | Should -Be $Names
    }

    It 'reports a missing name among several and still lists the others' {
        foreach ($name in $Names) { ip netns add $name }
        $asked = "$Stem-a", "$Stem-missing", "$Stem-b"
        $found = Get-NetNamespace $asked -ErrorVariable failure -ErrorAction SilentlyContinue
        $found.Name | Should -Be $Names
        $failure.FullyQualifiedErrorId | Should -BeLike 'NamespaceNotFound*'
    }

    It 'binds a namespace object to -NetNamespace of the next cmdlet' {
        ip netns add "$Stem-b"
        New-VethPair pa pb -NetNamespace "$Stem-b" | Out-Null
        $links = Get-NetNamespace "$Stem-b" | Get-NetLink
        $links.Name | Sort-Object | Should -Be @('lo', 'pa', 'pb')
        $links.Namespace | Select-Object -Unique | Should -Be "$Stem-b"
        (ip -n "$Stem-b" -j link show | ConvertFrom-Json).ifname | Sort-Object | Should -Be @('lo', 'pa', 'pb')
    }

    It 'removes the namespaces a wildcard matches, as Get-NetNamespace lists them, and no other' {
        foreach ($name in $Names) { ip netns add $name }
        ip netns add "$Stem-keep"
        try {
            @(Get-NetNamespace "$Stem-?").Name | Should -Be $Names
            Remove-NetNamespace "$Stem-?" -Confirm:$false
            $listed = @((ip -j netns list | ConvertFrom-Json).name)
            $Names | ForEach-Object { $listed | Should -Not -Contain $_ }
            $listed | Should -Contain "$Stem-keep"
        }
        finally {
            ip netns delete "$Stem-keep"
        }
    }

    It 'takes a wildcard that matches nothing without an error, as Get-ChildItem does' {
        Remove-NetNamespace "$Stem-none-*" -Confirm:$false -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
    }

    It 'removes namespaces named by piped strings' {
        foreach ($name in $Names) { ip netns add $name }
        $Names | Remove-NetNamespace -Confirm:$false
        $listed = @(ip -j netns list | ConvertFrom-Json)
        $Names | ForEach-Object { $listed.name | Should -Not -Contain $_ }
    }
}

# Remove-NetNamespace of a name that does not exist recommended creating it first.
Describe 'Removing a namespace that does not exist' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
    }

    It 'says there is nothing to remove and points at the list' {
        $name = 'ipt-absent-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        Remove-NetNamespace $name -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NamespaceNotFound*'
        $failure[0].ErrorDetails.Message | Should -BeLike '*nothing to remove*'
        $failure[0].ErrorDetails.RecommendedAction | Should -Not -Match 'New-NetNamespace|[Cc]reate'
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*Get-NetNamespace*'
        (ip -j netns list | ConvertFrom-Json).name | Should -Not -Contain $name
    }
}

# The program's standard error went straight to the console, past PowerShell: 2>&1 could not
# capture it, nor -ErrorVariable. Like a native command's, each line is now an error record.
Describe 'Invoke-NetNamespaceCommand: standard error reaches the error stream' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Script = 'echo out1; echo err1 >&2; sleep 0.1; echo out2; echo err2 >&2'
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'is captured by 2>&1, as records of the error stream' {
        $all = Invoke-NetNamespaceCommand -NetNamespace $Fixture.Namespace /bin/sh '-c' $Script 2>&1
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $output = @($all | Where-Object { $_ -is [string] })
        $output | Should -Be @('out1', 'out2')
        $errors | ForEach-Object { "$_" } | Should -Be @('err1', 'err2')
        $LASTEXITCODE | Should -Be 0
    }

    It 'leaves the output stream to standard output, and does not stop where Stop is the preference' {
        # Pester runs tests with $ErrorActionPreference = 'Stop'; like a native command's,
        # these records do not interact with it, and $? stays true.
        $output = Invoke-NetNamespaceCommand -NetNamespace $Fixture.Namespace /bin/sh '-c' $Script 2>$null
        $succeeded = $?
        $output | Should -Be @('out1', 'out2')
        $succeeded | Should -BeTrue
    }

    It 'still sets $LASTEXITCODE and reports a failing exit after the error lines' {
        $all = Invoke-NetNamespaceCommand -NetNamespace $Fixture.Namespace /bin/sh '-c' 'echo bad >&2; exit 4' -ErrorAction Continue 2>&1
        $LASTEXITCODE | Should -Be 4
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        "$($errors[0])" | Should -Be 'bad'
        $errors[-1].FullyQualifiedErrorId | Should -BeLike 'NativeCommandFailed*'
    }

    It 'keeps standard error in the result with -PassThru' {
        $result = Invoke-NetNamespaceCommand -NetNamespace $Fixture.Namespace /bin/sh '-c' $Script -PassThru
        $result.StandardOutput | Should -Be @('out1', 'out2')
        $result.StandardError | Should -Be @('err1', 'err2')
    }
}

Describe 'A bad namespace name is refused before -WhatIf shows anything' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        # '../NAME' would be /run/NAME, outside /run/netns: unique, so its absence proves something.
        $script:Escape = '../' + (New-NamespaceName)
    }

    It '<Command> ''<Shown>'' -WhatIf writes no "What if" and fails as without -WhatIf' -ForEach @(
        @{ Command = 'New-NetNamespace'; Shown = '../NAME'; Escapes = $true }
        @{ Command = 'New-NetNamespace'; Shown = '..'; Escapes = $false }
        @{ Command = 'Remove-NetNamespace'; Shown = '../NAME'; Escapes = $true }
        @{ Command = 'Remove-NetNamespace'; Shown = '..'; Escapes = $false }
    ) {
        $name = if ($Escapes) { $Escape } else { $Shown }
        $whatIf = Invoke-HostCaptured { & $command $name -WhatIf } @{ command = $Command; name = $name }
        $real = Invoke-HostCaptured { & $command $name -Confirm:$false } @{ command = $Command; name = $name }

        $whatIf.HostLines | Should -BeNullOrEmpty
        $whatIf.Output | Should -BeNullOrEmpty
        $whatIf.Errors.Count | Should -Be 1
        $real.Errors.Count | Should -Be 1
        $whatIf.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidNamespaceName,*'
        $whatIf.Errors[0].FullyQualifiedErrorId | Should -Be $real.Errors[0].FullyQualifiedErrorId
        "$($whatIf.Errors[0])" | Should -Be "$($real.Errors[0])"
        "$($whatIf.Errors[0])" | Should -BeLike "The namespace name '$name' *"
        if ($Escapes) { Test-Path (Join-Path '/run/netns' $name) | Should -BeFalse }
    }

    It 'Enter-NetNamespace ''..'' is refused and enters nothing' {
        $run = Invoke-HostCaptured { Enter-NetNamespace '..'; Exit-NetNamespace } @{}
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidNamespaceName,*'
        # Nothing was entered, so there is nothing to exit either.
        $run.Errors[-1].FullyQualifiedErrorId | Should -Not -BeLike 'InvalidNamespaceName,*'
    }
}

Describe 'A piped namespace object binds -NetNamespace, and nothing else' {
    # Get-NetNamespace objects have Name and Path. Name once bound -InterfaceName (alias Name)
    # and -Name too, Path the topology cmdlets' -Path; a link object must still bind those.
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        # A veth end with an address and an onlink route, and a veth pair whose end is named like
        # the namespace itself: were the namespace's Name to bind -Name, it would name that link.
        ip -n $Ns link add dm0 type veth peer name dm1
        ip -n $Ns link set dm0 up
        ip -n $Ns addr add 10.90.0.1/24 dev dm0
        ip -n $Ns route add 10.91.0.0/24 via 10.90.0.254 dev dm0 onlink
        ip -n $Ns link add $Ns type veth peer name vpeer
        ip -n $Ns link add dmbr0 type bridge
        $script:Piped = Get-NetNamespace $Ns

        # Runs $Pipeline with the namespace object as $piped and the namespace's name as $ns.
        function script:Invoke-Piped([scriptblock] $Pipeline) {
            Invoke-HostCaptured $Pipeline @{ piped = $Piped; ns = $Ns }
        }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'every cmdlet with -NetNamespace is in this table' {
        $covered = 'Get-NetLink', 'Get-OnlinkRoute', 'Get-TunnelPeerAddress', 'Get-IpipTunnel', 'Get-VethPair',
        'Get-IpForwarding', 'Enable-IpForwarding', 'Disable-IpForwarding', 'Get-IpipTopology', 'Test-IpipSupport',
        'Add-OnlinkRoute', 'Remove-OnlinkRoute', 'Add-TunnelPeerAddress', 'Remove-TunnelPeerAddress',
        'New-IpipTunnel', 'Set-IpipTunnel', 'Remove-IpipTunnel', 'New-VethPair', 'Remove-VethPair', 'Set-IpipMesh',
        'Invoke-NetNamespaceCommand', 'Test-IpipTopology', 'Set-IpipTopology',
        'Get-IpRule', 'Add-IpRule', 'Remove-IpRule', 'Get-IpNeighbor', 'Add-IpNeighbor', 'Set-IpNeighbor', 'Remove-IpNeighbor',
        'Get-BridgeFdbEntry', 'Add-BridgeFdbEntry', 'Remove-BridgeFdbEntry',
        'Get-XfrmState', 'New-XfrmState', 'Set-XfrmState', 'Remove-XfrmState', 'Get-XfrmPolicy', 'New-XfrmPolicy', 'Set-XfrmPolicy', 'Remove-XfrmPolicy',
        'New-NetNamespace', 'Get-NetNamespace', 'Remove-NetNamespace', 'Enter-NetNamespace',
        'Set-NetLink', 'Remove-NetLink', 'New-NetBridge', 'Set-NetBridge', 'Remove-NetBridge',
        'New-IpTunnel', 'Get-IpTunnel', 'Set-IpTunnel', 'Remove-IpTunnel',
        'Add-IpAddress', 'Get-IpAddress', 'Remove-IpAddress', 'Add-IpRoute', 'Get-IpRoute', 'Remove-IpRoute'
        $withNamespace = Get-Command -Module IpipTools | Where-Object {
            $_.Parameters.Values | Where-Object { $_.Name -eq 'NetNamespace' -or $_.Aliases -contains 'NetNamespace' }
        }
        @($withNamespace.Name | Where-Object { $_ -notin $covered }) | Should -BeNullOrEmpty
    }

    It 'Get-NetLink, Get-OnlinkRoute, Get-TunnelPeerAddress, Get-VethPair read that namespace' {
        $run = Invoke-Piped {
            [pscustomobject]@{
                Links     = @($piped | Get-NetLink).Name
                Routes    = @($piped | Get-OnlinkRoute).Destination
                Addresses = @($piped | Get-TunnelPeerAddress | ForEach-Object Address)
                Veths     = @($piped | Get-VethPair).Name
            }
        }
        $run.Errors | Should -BeNullOrEmpty
        $read = $run.Output[0]
        @($read.Links | Sort-Object) | Should -Be @((Get-IpJson $Ns link show).ifname | Sort-Object)
        "$($read.Routes)" | Should -Be '10.91.0.0/24'
        @($read.Addresses | ForEach-Object { "$_" }) | Should -Contain '10.90.0.1'
        @($read.Addresses | ForEach-Object { "$_" }) | Should -Contain '127.0.0.1'
        @($read.Veths) | Should -Contain $Ns
    }

    It '<Command> reads or changes that namespace' -ForEach @(
        @{ Command = 'Get-IpipTunnel'; Pipeline = { $piped | Get-IpipTunnel; 'done' } }
        @{ Command = 'Get-IpForwarding'; Pipeline = { ($piped | Get-IpForwarding).Namespace } }
        @{ Command = 'Test-IpipSupport'; Pipeline = { $null = $piped | Test-IpipSupport; 'done' } }
        @{ Command = 'Get-IpipTopology'; Pipeline = { ($piped | Get-IpipTopology).Namespaces.Name } }
        @{ Command = 'Get-NetNamespace'; Pipeline = { ($piped | Get-NetNamespace).Name } }
        @{ Command = 'Enter-NetNamespace'; Pipeline = { ($piped | Enter-NetNamespace -PassThru).Name; Exit-NetNamespace } }
        @{ Command = 'Invoke-NetNamespaceCommand'; Pipeline = { $piped | Invoke-NetNamespaceCommand ip link show dm0 } }
        @{ Command = 'Enable-IpForwarding'; Pipeline = { $piped | Enable-IpForwarding -WhatIf } }
        @{ Command = 'Disable-IpForwarding'; Pipeline = { $piped | Disable-IpForwarding -WhatIf } }
        @{ Command = 'Remove-NetNamespace'; Pipeline = { $piped | Remove-NetNamespace -WhatIf } }
        @{ Command = 'Add-OnlinkRoute'; Pipeline = { $piped | Add-OnlinkRoute 10.92.0.0/24 -Gateway 10.90.0.254 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Remove-OnlinkRoute'; Pipeline = { $piped | Remove-OnlinkRoute 10.91.0.0/24 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Add-TunnelPeerAddress'; Pipeline = { $piped | Add-TunnelPeerAddress 10.93.0.1 -Peer 10.93.0.2 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Remove-TunnelPeerAddress'; Pipeline = { $piped | Remove-TunnelPeerAddress 10.90.0.1 -PrefixLength 24 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'New-IpipTunnel'; Pipeline = { $piped | New-IpipTunnel nt0 -Remote 10.94.0.2 -WhatIf } }
        @{ Command = 'New-VethPair'; Pipeline = { $piped | New-VethPair nv0 nv1 -WhatIf } }
        @{ Command = 'Remove-VethPair'; Pipeline = { $piped | Remove-VethPair vpeer -WhatIf } }
        @{ Command = 'Set-NetLink'; Pipeline = { $piped | Set-NetLink dm0 -Mtu 1400 -WhatIf } }
        @{ Command = 'Remove-NetLink'; Pipeline = { $piped | Remove-NetLink dm0 -WhatIf } }
        @{ Command = 'New-NetBridge'; Pipeline = { $piped | New-NetBridge nv0 -WhatIf } }
        @{ Command = 'Set-NetBridge'; Pipeline = { $piped | Set-NetBridge dmbr0 -SpanningTree -WhatIf } }
        @{ Command = 'Remove-NetBridge'; Pipeline = { $piped | Remove-NetBridge dmbr0 -WhatIf } }
        @{ Command = 'Get-IpRule'; Pipeline = { ($piped | Get-IpRule | Select-Object -First 1).Namespace } }
        @{ Command = 'Add-IpRule'; Pipeline = { $piped | Add-IpRule -From 10.98.0.0/24 -Table 100 -WhatIf } }
        @{ Command = 'Remove-IpRule'; Pipeline = { $piped | Remove-IpRule 32766 -WhatIf } }
        @{ Command = 'Get-IpNeighbor'; Pipeline = { $piped | Get-IpNeighbor; 'done' } }
        @{ Command = 'Add-IpNeighbor'; Pipeline = { $piped | Add-IpNeighbor 10.90.0.9 02:00:00:00:00:09 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Get-BridgeFdbEntry'; Pipeline = { $piped | Get-BridgeFdbEntry; 'done' } }
        @{ Command = 'Get-XfrmPolicy'; Pipeline = { $piped | Get-XfrmPolicy; 'done' } }
        @{ Command = 'Get-IpTunnel'; Pipeline = { $piped | Get-IpTunnel; 'done' } }
        @{ Command = 'New-IpTunnel'; Pipeline = { $piped | New-IpTunnel nt0 -Mode gre -Remote 10.94.0.2 -WhatIf } }
        @{ Command = 'Get-IpAddress'; Pipeline = { ($piped | Get-IpAddress -InterfaceName dm0).Namespace | Select-Object -First 1 } }
        @{ Command = 'Add-IpAddress'; Pipeline = { $piped | Add-IpAddress 10.93.0.1/24 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Remove-IpAddress'; Pipeline = { $piped | Remove-IpAddress 10.90.0.1/24 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Get-IpRoute'; Pipeline = { ($piped | Get-IpRoute -InterfaceName dm0).Namespace | Select-Object -First 1 } }
        @{ Command = 'Add-IpRoute'; Pipeline = { $piped | Add-IpRoute 10.92.0.0/24 -Gateway 10.90.0.254 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Remove-IpRoute'; Pipeline = { $piped | Remove-IpRoute 10.91.0.0/24 -InterfaceName dm0 -WhatIf } }
        @{ Command = 'Set-IpipMesh'; Pipeline = { $piped | Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '10.90.0.254' } -Device dm0 -WhatIf } }
    ) {
        $run = Invoke-Piped $Pipeline
        $run.Errors | Should -BeNullOrEmpty
        $said = @($run.Output) + @($run.HostLines) | ForEach-Object { "$_" }
        $said | Should -Not -BeNullOrEmpty
        if ($said -ne 'done') {
            ($said | Where-Object { $_ -like "*$Ns*" -or $_ -like '*dm0*' }) | Should -Not -BeNullOrEmpty -Because "$said"
        }
        # -WhatIf changed nothing.
        (Get-IpJson $Ns link show).ifname | Should -Not -Contain 'nv0'
        @(Get-IpJson $Ns route show | Where-Object dst -eq '10.92.0.0/24') | Should -BeNullOrEmpty
    }

    It 'New-NetNamespace binds the piped namespace''s name, and -WhatIf refuses it as taken, as the real run does' {
        $run = Invoke-Piped { $piped | New-NetNamespace -WhatIf }
        $run.HostLines | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'NamespaceExists,IpipTools.Namespaces.NewNetNamespaceCommand'
        "$($run.Errors[0])" | Should -BeLike "*'$Ns' already exists*"
    }

    # -WhatIf looks the tunnel up, as the real run does: the refusal names the name given, in the piped namespace.
    It '<Command> with -Name given acts on that name in that namespace' -ForEach @(
        @{ Command = 'Set-IpipTunnel'; Pipeline = { $piped | Set-IpipTunnel nosuch -Up -WhatIf } }
        @{ Command = 'Remove-IpipTunnel'; Pipeline = { $piped | Remove-IpipTunnel nosuch -WhatIf } }
        @{ Command = 'Set-IpTunnel'; Pipeline = { $piped | Set-IpTunnel nosuch -Up -WhatIf } }
        @{ Command = 'Remove-IpTunnel'; Pipeline = { $piped | Remove-IpTunnel nosuch -WhatIf } }
    ) {
        $run = Invoke-Piped $Pipeline
        $run.HostLines | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        "$($run.Errors[0])" | Should -BeLike "*'nosuch'*'$Ns'*"
    }

    It '<Command> does not take the namespace''s Name as the link''s name' -ForEach @(
        @{ Command = 'Remove-VethPair'; Pipeline = { $piped | Remove-VethPair -WhatIf } }
        @{ Command = 'Set-NetLink'; Pipeline = { $piped | Set-NetLink -Up -WhatIf } }
        @{ Command = 'Remove-NetLink'; Pipeline = { $piped | Remove-NetLink -WhatIf } }
        @{ Command = 'Set-NetBridge'; Pipeline = { $piped | Set-NetBridge -SpanningTree -WhatIf } }
        @{ Command = 'Remove-NetBridge'; Pipeline = { $piped | Remove-NetBridge -WhatIf } }
        @{ Command = 'Remove-IpipTunnel'; Pipeline = { $piped | Remove-IpipTunnel -WhatIf } }
        @{ Command = 'Set-IpipTunnel'; Pipeline = { $piped | Set-IpipTunnel -Up -WhatIf } }
        @{ Command = 'Add-OnlinkRoute'; Pipeline = { $piped | Add-OnlinkRoute 10.92.0.0/24 -Gateway 10.90.0.254 -WhatIf } }
        @{ Command = 'Add-TunnelPeerAddress'; Pipeline = { $piped | Add-TunnelPeerAddress 10.93.0.1 -Peer 10.93.0.2 -WhatIf } }
    ) {
        # The namespace object names no link: the error says to give the name.
        $run = Invoke-Piped $Pipeline
        $run.HostLines | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'NameNotGiven,*'
        "$($run.Errors[0])" | Should -BeLike 'A namespace object was piped in without -*Name: it names the namespace, not the *'
        (Get-IpJson $Ns link show).ifname | Should -Contain $Ns
    }

    It '<Command> without its name and with nothing piped is refused, as before' -ForEach @(
        @{ Command = 'Remove-VethPair' }
        @{ Command = 'Set-NetLink' }
        @{ Command = 'Remove-NetLink' }
        @{ Command = 'Set-NetBridge' }
        @{ Command = 'Remove-NetBridge' }
        @{ Command = 'Remove-IpipTunnel' }
        @{ Command = 'Set-IpipTunnel' }
    ) {
        $run = Invoke-HostCaptured { & $command -NetNamespace $ns -WhatIf } @{ command = $Command; ns = $Ns }
        $run.HostLines | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        "$($run.Errors[0])" | Should -BeLike '*Name*'
    }

    It '<Command> does not read the namespace file as a topology file' -ForEach @(
        @{ Command = 'Test-IpipTopology'; Pipeline = { $piped | Test-IpipTopology } }
        @{ Command = 'Set-IpipTopology'; Pipeline = { $piped | Set-IpipTopology -WhatIf } }
    ) {
        $run = Invoke-Piped $Pipeline
        $run.HostLines | Should -BeNullOrEmpty
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'TopologyMissing,*'
    }

    It 'still binds -InterfaceName and -NetNamespace from a piped link to <Command>' -ForEach @(
        @{ Command = 'Get-OnlinkRoute'; Pipeline = { "$((Get-NetLink dm0 -NetNamespace $ns | Get-OnlinkRoute).Destination)" }; Expected = '10.91.0.0/24' }
        @{ Command = 'Get-TunnelPeerAddress'; Pipeline = { "$((Get-NetLink dm0 -NetNamespace $ns | Get-TunnelPeerAddress).Address)" }; Expected = '10.90.0.1' }
        @{ Command = 'Add-OnlinkRoute'; Pipeline = { Get-NetLink dm0 -NetNamespace $ns | Add-OnlinkRoute 10.92.0.0/24 -Gateway 10.90.0.254 -WhatIf } }
        @{ Command = 'Add-TunnelPeerAddress'; Pipeline = { Get-NetLink dm0 -NetNamespace $ns | Add-TunnelPeerAddress 10.93.0.1 -Peer 10.93.0.2 -WhatIf } }
        @{ Command = 'Remove-OnlinkRoute'; Pipeline = { Get-OnlinkRoute dm0 -NetNamespace $ns | Remove-OnlinkRoute -WhatIf } }
        @{ Command = 'Remove-IpAddress'; Pipeline = { Get-TunnelPeerAddress dm0 -NetNamespace $ns | Remove-IpAddress -WhatIf } }
        @{ Command = 'Remove-VethPair'; Pipeline = { Get-VethPair vpeer -NetNamespace $ns | Remove-VethPair -WhatIf } }
        @{ Command = 'Set-NetLink'; Pipeline = { Get-NetLink dm0 -NetNamespace $ns | Set-NetLink -Up -WhatIf } }
        @{ Command = 'Remove-NetLink'; Pipeline = { Get-NetLink dm0 -NetNamespace $ns | Remove-NetLink -WhatIf } }
    ) {
        $run = Invoke-Piped $Pipeline
        $run.Errors | Should -BeNullOrEmpty
        if ($Expected) {
            $run.Output | Should -Be $Expected
        }
        else {
            $run.HostLines.Count | Should -Be 1
            $run.HostLines[0] | Should -BeLike "What if:*$(if ($Command -eq 'Remove-VethPair') { 'vpeer' } else { 'dm0' })*'$Ns'*"
        }
    }

    It 'still refuses a piped string that names nothing the cmdlet takes' {
        $run = Invoke-Piped { 'dm0' | Get-OnlinkRoute -NetNamespace $ns }
        $run.Output | Should -BeNullOrEmpty
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'InputObjectNotBound,*'
    }
}
