# Every object type the module writes, piped into every cmdlet that changes or removes
# something (Remove-, Set-, Disable-): each pair either does what the object names, or is
# refused with ip -d -j, the namespace list and forwarding exactly as they were. PowerShell binds
# by property name whatever has the property, so without this an address (whose Name is its
# interface) piped into Remove-NetLink would remove the interface and its veth peer.
#
# The table below is the specification, written apart from the code: the kinds of object each
# cmdlet acts on, and for the pairs that act, what the kernel must show afterwards. A module
# object of another kind must be refused by the pipeline guard itself (PipedObjectNotAccepted,
# naming the object's type); a pair of the right kind that still cannot act (a bridge piped
# into Remove-VethPair, a veth into Remove-IpTunnel, a plain route into Remove-OnlinkRoute)
# may be refused by whatever check stops it, as long as nothing changed.
#
# Each lab is one namespace: veth v1 (10.77.1.1/24) with its peer v2 (10.77.9.1 peer
# 10.77.9.2), bridge br0, a route 10.77.2.0/24 via 10.77.1.2, an onlink route 10.77.3.0/24 via
# 10.77.50.1, forwarding on, an xfrm policy (in, mark 7; the host kernel makes no xfrm states,
# so states are piped in the guest only: Ipsec.Tests.ps1). Pairs that are refused share one lab; a pair that acts gets its own.
BeforeDiscovery {
    # What each kind of object is, as the test makes it (see Get-PipedObject).
    $objects = [ordered]@{
        'veth link'              = 'Link'
        'bridge link'            = 'Link'
        'deserialized veth link' = 'Link'
        'address'                = 'Address'
        'peer address'           = 'Address'
        'address row'            = 'Address'
        'deserialized address'   = 'Address'
        'route'                  = 'Route'
        'onlink route'           = 'Route'
        'route row'              = 'Route'
        'deserialized route'     = 'Route'
        'rule'                   = 'Rule'
        'neighbour entry'        = 'Neighbor'
        'bridge FDB entry'       = 'BridgeFdbEntry'
        'namespace'              = 'Namespace'
        'forwarding state'       = 'Forwarding'
        'fixture'                = 'Fixture'
        'topology plan'          = 'Plan'
        'exported topology'      = 'Topology'
        'support check'          = 'Report'
        'command result'         = 'Report'
        'xfrm policy'            = 'XfrmPolicy'
        'deserialized xfrm policy' = 'XfrmPolicy'
    }

    # Each cmdlet: the arguments that make it a complete command, the kinds of object it acts
    # on, and the objects that act, each with what ip must show afterwards ($L is the lab; the
    # Assert- functions are defined in BeforeAll).
    $cmdlets = @(
        @{ Cmdlet = 'Remove-NetLink'; ActsOn = 'Link', 'Tunnel'; Acts = @{
                'veth link' = { param($L) Assert-LinkGone $L v1; Assert-LinkGone $L v2 }
                'bridge link' = { param($L) Assert-LinkGone $L br0; Get-IpLink $L.Ns v1 | Should -Not -BeNullOrEmpty }
                'deserialized veth link' = { param($L) Assert-LinkGone $L v1 } } }
        @{ Cmdlet = 'Set-NetLink'; Arguments = @{ Mtu = 1400 }; ActsOn = 'Link', 'Tunnel'; Acts = @{
                'veth link' = { param($L) Assert-Mtu1400 $L v1; (Get-IpLink $L.Ns v2).mtu | Should -Be 1500 }
                'bridge link' = { param($L) Assert-Mtu1400 $L br0 }
                'deserialized veth link' = { param($L) Assert-Mtu1400 $L v1 } } }
        @{ Cmdlet = 'Remove-VethPair'; ActsOn = 'Link'; Acts = @{
                'veth link' = { param($L) Assert-LinkGone $L v1; Assert-LinkGone $L v2 }
                'deserialized veth link' = { param($L) Assert-LinkGone $L v2 } } }
        @{ Cmdlet = 'Remove-NetBridge'; ActsOn = 'Link'; Acts = @{
                'bridge link' = { param($L) Assert-LinkGone $L br0 } } }
        @{ Cmdlet = 'Set-NetBridge'; Arguments = @{ SpanningTree = $true }; ActsOn = 'Link'; Acts = @{
                'bridge link' = { param($L) (Get-IpLink $L.Ns br0).linkinfo.info_data.stp_state | Should -Be 1 } } }
        @{ Cmdlet = 'Remove-IpTunnel'; ActsOn = 'Link', 'Tunnel'; Acts = @{} }
        @{ Cmdlet = 'Remove-IpipTunnel'; ActsOn = 'Link', 'Tunnel'; Acts = @{} }
        @{ Cmdlet = 'Set-IpTunnel'; Arguments = @{ Ttl = '64' }; ActsOn = 'Link', 'Tunnel'; Acts = @{} }
        @{ Cmdlet = 'Set-IpipTunnel'; Arguments = @{ Ttl = '64' }; ActsOn = 'Link', 'Tunnel'; Acts = @{} }
        @{ Cmdlet = 'Remove-IpAddress'; ActsOn = 'Address'; Acts = @{
                'address' = { param($L) Assert-NoAddress $L 10.77.1.1 }
                'peer address' = { param($L) Assert-NoAddress $L 10.77.9.1 }
                'address row' = { param($L) Assert-NoAddress $L 10.77.1.1 }
                'deserialized address' = { param($L) Assert-NoAddress $L 10.77.1.1 } } }
        @{ Cmdlet = 'Remove-TunnelPeerAddress'; ActsOn = 'Address'; Acts = @{
                'peer address' = { param($L) Assert-NoAddress $L 10.77.9.1; Get-IpJsonAddress $L.Ns | Where-Object local -eq 10.77.1.1 | Should -Not -BeNullOrEmpty } } }
        @{ Cmdlet = 'Remove-IpRoute'; ActsOn = 'Route'; Acts = @{
                'route' = { param($L) Assert-NoRoute $L 10.77.2.0/24 }
                'onlink route' = { param($L) Assert-NoRoute $L 10.77.3.0/24 }
                'route row' = { param($L) Assert-NoRoute $L 10.77.2.0/24 }
                'deserialized route' = { param($L) Assert-NoRoute $L 10.77.2.0/24 } } }
        @{ Cmdlet = 'Remove-OnlinkRoute'; ActsOn = 'Route'; Acts = @{
                'onlink route' = { param($L) Assert-NoRoute $L 10.77.3.0/24; Get-IpJsonRoute $L.Ns | Where-Object dst -eq 10.77.2.0/24 | Should -Not -BeNullOrEmpty } } }
        @{ Cmdlet = 'Remove-IpRule'; ActsOn = 'Rule'; Acts = @{
                'rule' = { param($L) Get-IpJson $L.Ns rule show | Where-Object priority -eq 1000 | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Set-IpNeighbor'; Arguments = @{ State = 'Stale' }; ActsOn = 'Neighbor'; Acts = @{
                'neighbour entry' = { param($L) (Get-IpJson $L.Ns neigh show nud all | Where-Object dst -eq 10.77.1.5).state | Should -Be 'STALE' } } }
        @{ Cmdlet = 'Remove-IpNeighbor'; ActsOn = 'Neighbor'; Acts = @{
                'neighbour entry' = { param($L) Get-IpJson $L.Ns neigh show nud all | Where-Object dst -eq 10.77.1.5 | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Remove-BridgeFdbEntry'; ActsOn = 'BridgeFdbEntry'; Acts = @{
                'bridge FDB entry' = { param($L) (bridge -n $L.Ns -j fdb show dev br0 | ConvertFrom-Json) | Where-Object mac -eq 02:00:00:00:00:07 | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Remove-NetNamespace'; ActsOn = 'Namespace'; Acts = @{
                'namespace' = { param($L) ip netns list | Where-Object { ($_ -split ' ')[0] -eq $L.Ns } | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Remove-NetNamespaceFixture'; ActsOn = 'Fixture'; Acts = @{
                'fixture' = { param($L) ip netns list | Where-Object { ($_ -split ' ')[0] -eq $L.Ns } | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Disable-IpForwarding'; ActsOn = 'Namespace', 'Fixture', 'Forwarding'; Acts = @{
                'namespace' = { param($L) Get-IpForwardingOracle $L.Ns | Should -BeFalse }
                'fixture' = { param($L) Get-IpForwardingOracle $L.Ns | Should -BeFalse }
                'forwarding state' = { param($L) Get-IpForwardingOracle $L.Ns | Should -BeFalse } } }
        @{ Cmdlet = 'Set-IpipTopology'; ActsOn = 'Plan', 'Topology'; Acts = @{
                'topology plan' = { param($L) Get-IpLink $L.Ns brp | Should -Not -BeNullOrEmpty }
                'exported topology' = { param($L) Get-IpLink $L.Ns v1 | Should -Not -BeNullOrEmpty -Because 'the export of the lab describes the lab itself' } } }
        @{ Cmdlet = 'Remove-XfrmPolicy'; ActsOn = 'XfrmPolicy'; Acts = @{
                'xfrm policy' = { param($L) ip -n $L.Ns xfrm policy | Should -BeNullOrEmpty }
                'deserialized xfrm policy' = { param($L) ip -n $L.Ns xfrm policy | Should -BeNullOrEmpty } } }
        @{ Cmdlet = 'Set-XfrmPolicy'; Arguments = @{ Priority = 5 }; ActsOn = 'XfrmPolicy'; Acts = @{
                'xfrm policy' = { param($L) (ip -n $L.Ns xfrm policy) -join ' ' | Should -Match 'dir in priority 5' }
                'deserialized xfrm policy' = { param($L) (ip -n $L.Ns xfrm policy) -join ' ' | Should -Match 'dir in priority 5' } } }
        @{ Cmdlet = 'Remove-XfrmState'; ActsOn = 'XfrmState'; Acts = @{} }
        @{ Cmdlet = 'Set-XfrmState'; Arguments = @{ HardLifetime = '01:00:00' }; ActsOn = 'XfrmState'; Acts = @{} }
        @{ Cmdlet = 'Set-IpipMesh'; Arguments = @{ Address = '10.42.1.0'; Peer = @{ '10.42.2.0/24' = '10.77.1.2' }; Device = 'v1' }; ActsOn = 'Namespace', 'Fixture'; Acts = @{
                'namespace' = { param($L) Get-IpJsonRoute $L.Ns | Where-Object dst -eq 10.42.2.0/24 | Should -Not -BeNullOrEmpty }
                'fixture' = { param($L) Get-IpJsonRoute $L.Ns | Where-Object dst -eq 10.42.2.0/24 | Should -Not -BeNullOrEmpty } } }
    )

    $pairs = foreach ($cmdlet in $cmdlets) {
        foreach ($object in $objects.Keys) {
            @{
                Cmdlet = $cmdlet.Cmdlet
                Arguments = $cmdlet.Arguments ?? @{}
                Object = $object
                Kind = $objects[$object]
                KindActedOn = $objects[$object] -in $cmdlet.ActsOn
                Effect = $cmdlet.Acts[$object]
            }
        }
    }
    $acting = @($pairs | Where-Object Effect)
    # The refused pairs, one test per cmdlet (the state is read once per cmdlet, not per pair).
    $refused = foreach ($cmdlet in $cmdlets) {
        @{ Cmdlet = $cmdlet.Cmdlet; Arguments = $cmdlet.Arguments ?? @{}; Pairs = @($pairs | Where-Object { $_.Cmdlet -eq $cmdlet.Cmdlet -and -not $_.Effect }) }
    }
    $tableCmdlets = @($cmdlets.Cmdlet)
}

Describe 'Objects piped into cmdlets that change or remove' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        function Assert-LinkGone { param($L, $Name) Get-IpLink $L.Ns $Name | Should -BeNullOrEmpty }
        function Assert-NoAddress { param($L, $Address) Get-IpJsonAddress $L.Ns | Where-Object local -eq $Address | Should -BeNullOrEmpty }
        function Assert-NoRoute { param($L, $Destination) Get-IpJsonRoute $L.Ns | Where-Object dst -eq $Destination | Should -BeNullOrEmpty }
        function Assert-Mtu1400 { param($L, $Name) (Get-IpLink $L.Ns $Name).mtu | Should -Be 1400 }

        # A deserialized copy, as -ScriptBlock, jobs and remoting return objects (the same serializer).
        function ConvertTo-Deserialized {
            param($InputObject)
            [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($InputObject))
        }

        function New-PipingLab {
            $fixture = New-NetNamespaceFixture
            $ns = $fixture.Namespace
            try {
                New-VethPair v1 v2 -Up -NetNamespace $ns | Out-Null
                New-NetBridge br0 -NetNamespace $ns | Out-Null
                Add-IpAddress 10.77.1.1/24 -InterfaceName v1 -NetNamespace $ns
                Add-TunnelPeerAddress 10.77.9.1 -Peer 10.77.9.2 -InterfaceName v2 -NetNamespace $ns
                Add-IpRoute 10.77.2.0/24 -Gateway 10.77.1.2 -InterfaceName v1 -NetNamespace $ns
                Add-OnlinkRoute 10.77.3.0/24 -Gateway 10.77.50.1 -InterfaceName v1 -NetNamespace $ns
                Enable-IpForwarding -NetNamespace $ns
                Add-IpRule -From 10.77.5.0/24 -Table 100 -Priority 1000 -NetNamespace $ns | Out-Null
                Add-IpNeighbor 10.77.1.5 02:00:00:00:00:05 -InterfaceName v1 -NetNamespace $ns | Out-Null
                Add-BridgeFdbEntry 02:00:00:00:00:07 -InterfaceName br0 -NetNamespace $ns | Out-Null
                New-XfrmPolicy In -Mark 7 -NetNamespace $ns | Out-Null
            }
            catch {
                Remove-NetNamespaceFixture $fixture -Confirm:$false
                throw
            }
            @{ Fixture = $fixture; Ns = $ns; Cache = @{} }
        }

        # The object named $Name, read from the lab as a user would get it.
        function Get-PipedObject {
            param($Lab, [string] $Name)
            $ns = $Lab.Ns
            if ($Name -like 'deserialized *') {
                return ConvertTo-Deserialized (Get-PipedObject $Lab ($Name -replace '^deserialized (veth )?', '' -replace '^link$', 'veth link'))
            }

            switch ($Name) {
                'veth link' { Get-NetLink v1 -NetNamespace $ns }
                'bridge link' { Get-NetLink br0 -NetNamespace $ns }
                'address' { Get-IpAddress v1 -NetNamespace $ns | Where-Object { "$($_.Address)" -eq '10.77.1.1' } }
                'peer address' { Get-TunnelPeerAddress v2 -PeerOnly -NetNamespace $ns }
                'address row' { Get-IpAddress v1 -NetNamespace $ns | Where-Object { "$($_.Address)" -eq '10.77.1.1' } | ConvertTo-Csv | ConvertFrom-Csv }
                'route' { Get-IpRoute -NetNamespace $ns | Where-Object { "$($_.Destination)" -eq '10.77.2.0/24' } }
                'onlink route' { Get-OnlinkRoute -NetNamespace $ns }
                'route row' { Get-IpRoute -NetNamespace $ns | Where-Object { "$($_.Destination)" -eq '10.77.2.0/24' } | ConvertTo-Csv | ConvertFrom-Csv }
                'rule' { Get-IpRule 1000 -NetNamespace $ns }
                'neighbour entry' { Get-IpNeighbor v1 -Address 10.77.1.5 -NetNamespace $ns }
                'bridge FDB entry' { Get-BridgeFdbEntry br0 -MacAddress 02:00:00:00:00:07 -NetNamespace $ns }
                'namespace' { Get-NetNamespace $ns }
                'forwarding state' { Get-IpForwarding -NetNamespace $ns }
                'fixture' { $Lab.Fixture }
                'exported topology' { Get-IpipTopology -NetNamespace $ns }
                'topology plan' { Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Bridges = @(@{ Name = 'brp' }) }) } -NetNamespace $ns -WhatIf }
                'support check' { if (-not $Lab.Cache.Support) { $Lab.Cache.Support = Test-IpipSupport | Select-Object -First 1 }; $Lab.Cache.Support }
                'command result' { Invoke-NetNamespaceCommand -NetNamespace $ns -PassThru -- true }
                'xfrm policy' { Get-XfrmPolicy -Mark 7 -NetNamespace $ns }
                default { throw "no such test object: $Name" }
            }
        }

        # What a refused pair must leave exactly as it was.
        function Read-LabState {
            param($Lab)
            Read-IpState $Lab.Ns
            "forwarding: $(Get-IpForwardingOracle $Lab.Ns)"
            "namespace: $(@(ip netns list | Where-Object { ($_ -split ' ')[0] -eq $Lab.Ns }).Count)"
            "xfrm: $((ip -n $Lab.Ns xfrm policy) -join ' ')"
        }

        $script:Shared = New-PipingLab
        $null = Get-IpState $Shared.Ns
        $script:SharedBefore = Read-LabState $Shared
    }

    AfterAll {
        if ($Shared) { Remove-NetNamespaceFixture $Shared.Fixture -Confirm:$false }
    }

    It 'covers every cmdlet that changes or removes something' -ForEach @(@{ TableCmdlets = $tableCmdlets }) {
        $changing = Get-Command -Module IpipTools -Verb Remove, Set, Disable |
            Where-Object { $_.Parameters['InputItem'] -or ($_.Parameters.Values | Where-Object { $_.Attributes.ValueFromPipeline -or $_.Attributes.ValueFromPipelineByPropertyName }) }
        @($changing.Name | Where-Object { $_ -notin $TableCmdlets }) | Should -BeNullOrEmpty -Because 'every such cmdlet takes pipeline input and must be in the table'
    }

    It '<Cmdlet> refuses every other object piped in and changes nothing' -ForEach $refused {
        $problems = foreach ($pair in $Pairs) {
            $item = Get-PipedObject $Shared $pair.Object
            if (-not $item) { "the lab holds no $($pair.Object) to pipe"; continue }
            $failure = $null
            $item | & $Cmdlet @Arguments -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue 2>$null | Out-Null
            if (-not $failure) { "$($pair.Object): not refused"; continue }
            # A module object of a kind the cmdlet does not act on is refused by the pipeline
            # guard itself, naming its type and kind. The exceptions: a namespace object, and a
            # fixture (whose Namespace names one), bind -NetNamespace only, and the cmdlet's own
            # check asks for the name or finds no such object; the fixture and topology
            # cmdlets take typed input that PowerShell itself refuses; and an object that binds
            # nothing at all (no property or text any parameter takes) is refused by PowerShell's
            # binder (InputObjectNotBound) before the cmdlet runs.
            $guarded = -not $pair.KindActedOn -and $pair.Kind -notin 'Namespace', 'Fixture' -and $Cmdlet -notin 'Remove-NetNamespaceFixture', 'Set-IpipTopology'
            $id = $failure[0].FullyQualifiedErrorId
            if ($guarded -and $id -notlike 'InputObjectNotBound,*') {
                $noun = @{ Link = 'a link'; Address = 'an address'; Route = 'a route'; Forwarding = 'a forwarding state'; Fixture = 'a fixture'; Plan = 'a topology plan'; Topology = 'a topology'; Report = 'a report'; Rule = 'a rule'; Neighbor = 'a neighbour entry'; BridgeFdbEntry = 'a bridge FDB entry'; XfrmPolicy = 'an xfrm policy' }[$pair.Kind]
                if ($id -notlike 'PipedObjectNotAccepted,*') { "$($pair.Object): refused as $id, not by the guard" }
                elseif ($failure[0].CategoryInfo.Category -ne 'InvalidArgument') { "$($pair.Object): category $($failure[0].CategoryInfo.Category)" }
                elseif ($failure[0].ErrorDetails.Message -notlike "*; $noun was piped in (*") { "$($pair.Object): the message does not name it: $($failure[0].ErrorDetails.Message)" }
            }
        }
        $problems += Compare-IpState $SharedBefore (Read-LabState $Shared)
        $problems | Should -BeNullOrEmpty
    }

    It '<Object> | <Cmdlet> acts on what it names' -ForEach $acting {
        $lab = New-PipingLab
        try {
            $item = Get-PipedObject $lab $Object
            $item | & $Cmdlet @Arguments -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
            $failure | Should -BeNullOrEmpty
            & $Effect $lab
        }
        finally {
            Remove-NetNamespaceFixture $lab.Fixture -Confirm:$false
        }
    }

    It 'names the type and the cmdlet that fits: an address piped into Remove-NetLink' {
        $address = Get-PipedObject $Shared 'address'
        $address | Remove-NetLink -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.Message | Should -BeLike '*InterfaceAddress*10.77.1.1/24*'
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-IpAddress*'
        $failure[0].TargetObject.Address | Should -Be ([ipaddress] '10.77.1.1') -Because 'the error points at the object piped in'
        $address | Remove-VethPair -WhatIf -ErrorVariable whatIf -ErrorAction SilentlyContinue
        $whatIf[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted*' -Because '-WhatIf answers as the real run would'
    }

    It 'names the route removal cmdlet for a route piped into Remove-NetLink, not the interface-name rules' {
        Get-PipedObject $Shared 'route' | Remove-NetLink -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted*'
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-IpRoute*'
    }

    It 'removes only point-to-point addresses when Get-TunnelPeerAddress (every address) is piped into Remove-TunnelPeerAddress' {
        $lab = New-PipingLab
        try {
            Get-TunnelPeerAddress -NetNamespace $lab.Ns | Remove-TunnelPeerAddress -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
            Assert-NoAddress $lab 10.77.9.1
            $left = @(Get-IpJsonAddress $lab.Ns).local
            $left | Should -Contain '10.77.1.1' -Because 'a plain address is refused, not removed'
            $left | Should -Contain '127.0.0.1' -Because "loopback's address has no peer either"
            @($refused).Count | Should -BeGreaterThan 0
            @($refused | Where-Object { $_.FullyQualifiedErrorId -notlike 'AddressHasNoPeer,*' }) | Should -BeNullOrEmpty
            $refused[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-IpAddress*'
        }
        finally {
            Remove-NetNamespaceFixture $lab.Fixture -Confirm:$false
        }
    }

    It 'removes a veth pair listed end by end (Get-VethPair | Remove-VethPair) without an error for the end that went with its peer' {
        $lab = New-PipingLab
        try {
            Get-VethPair -NetNamespace $lab.Ns | Remove-VethPair -Confirm:$false -ErrorVariable failure
            $failure | Should -BeNullOrEmpty
            Assert-LinkGone $lab v1
            Assert-LinkGone $lab v2
        }
        finally {
            Remove-NetNamespaceFixture $lab.Fixture -Confirm:$false
        }
    }

    It 'refuses a link piped into Enable-IpForwarding, as Disable-IpForwarding does, and leaves forwarding off' {
        Disable-IpForwarding -NetNamespace $Shared.Ns
        try {
            Get-PipedObject $Shared 'veth link' | Enable-IpForwarding -ErrorVariable failure -ErrorAction SilentlyContinue
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted,*'
            Get-IpForwardingOracle $Shared.Ns | Should -BeFalse
            Get-NetNamespace $Shared.Ns | Enable-IpForwarding
            Get-IpForwardingOracle $Shared.Ns | Should -BeTrue -Because 'a namespace object names the namespace'
        }
        finally {
            Enable-IpForwarding -NetNamespace $Shared.Ns
        }
    }

    It 'refuses a string piped into a cmdlet that acts on a namespace as a whole, where it would bind nothing' {
        $Shared.Ns | Disable-IpForwarding -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNamesNoNamespace*'
        Get-IpForwardingOracle $Shared.Ns | Should -BeTrue
        Get-NetNamespace $Shared.Ns | Disable-IpForwarding -WhatIf -ErrorVariable none
        $none | Should -BeNullOrEmpty -Because 'a namespace object names the namespace'
    }
}

Describe 'Tunnels piped into cmdlets that change or remove' -Tag Tunnel {
    BeforeDiscovery {
        $tunnelActs = 'Remove-NetLink', 'Set-NetLink', 'Remove-IpTunnel', 'Remove-IpipTunnel', 'Set-IpTunnel', 'Set-IpipTunnel'
        $acting = foreach ($cmdlet in $cmdlets | Where-Object Cmdlet -in $tunnelActs) { @{ Cmdlet = $cmdlet.Cmdlet; Arguments = $cmdlet.Arguments ?? @{} } }
        $refusing = @(foreach ($cmdlet in $cmdlets | Where-Object Cmdlet -notin $tunnelActs) { @{ Cmdlet = $cmdlet.Cmdlet; Arguments = $cmdlet.Arguments ?? @{}; Guarded = 'Tunnel' -notin $cmdlet.ActsOn -and $cmdlet.Cmdlet -notin 'Remove-NetNamespaceFixture', 'Set-IpipTopology' } })
    }

    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $script:Ns = $Fixture.Namespace
        New-IpipTunnel tp0 -Local 10.78.0.1 -Remote 10.78.0.2 -NetNamespace $Ns | Out-Null
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'a tunnel piped into any other such cmdlet is refused and changes nothing' -ForEach @(@{ Refusing = $refusing }) {
        $before = Get-IpState $Ns
        $tunnel = Get-IpTunnel tp0 -NetNamespace $Ns
        $problems = foreach ($row in $Refusing) {
            $arguments = $row.Arguments
            $failure = $null
            $tunnel | & $row.Cmdlet @arguments -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue 2>$null | Out-Null
            if (-not $failure) { "$($row.Cmdlet): not refused"; continue }
            if ($row.Guarded -and $failure[0].FullyQualifiedErrorId -notlike 'PipedObjectNotAccepted,*') { "$($row.Cmdlet): refused as $($failure[0].FullyQualifiedErrorId), not by the guard" }
            elseif ($row.Guarded -and $failure[0].ErrorDetails.Message -notlike '*; a tunnel was piped in (IpTunnel *') { "$($row.Cmdlet): the message does not name the tunnel: $($failure[0].ErrorDetails.Message)" }
        }
        $problems += Compare-IpState $before (Get-IpState $Ns)
        $problems | Should -BeNullOrEmpty
    }

    It 'a tunnel piped into <Cmdlet> acts on it' -ForEach $acting {
        $name = 'tp' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $tunnel = New-IpipTunnel $name -Local 10.78.1.1 -Remote "10.78.2.$(Get-Random -Minimum 1 -Maximum 250)" -NetNamespace $Ns
        $tunnel | & $Cmdlet @Arguments -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue | Out-Null
        $failure | Should -BeNullOrEmpty
        $link = Get-IpLink $Ns $name
        switch -Wildcard ($Cmdlet) {
            'Remove-*' { $link | Should -BeNullOrEmpty }
            'Set-NetLink' { $link.mtu | Should -Be 1400 }
            default { $link.linkinfo.info_data.ttl | Should -Be 64 }
        }
        Get-IpLink $Ns tp0 | Should -Not -BeNullOrEmpty -Because 'only the tunnel piped in is touched'
    }
}
