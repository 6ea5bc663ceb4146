# Every example of the documentation runs in real PowerShell: README.md's powershell
# blocks, about_IpipTools's examples and each cmdlet's Get-Help -Examples, each in a fresh
# runspace with a throwaway namespace as the session default (DocumentedExamples.ps1).
# Any error fails the example; a pipeline that does not bind fails with the engine's own
# InputObjectNotBound and the line of the example where it happened.
#
# Why Pester rather than xunit hosting PowerShell: the same file runs on the host and, for
# the examples tagged Tunnel, inside the qemu guest whose kernel has ipip, so a tunnel
# example runs for real there instead of shrinking to -WhatIf; and its failures are
# PowerShell's own error records (id, message, the example's line with a marker),
# printed beside the other suites'.
#
# How each example runs is declared below, keyed by the example's id. An example
# without an entry, or an entry without an example, fails: a new example must be given
# a way to run.
#   Host/Guest  where it runs: Host on this machine's kernel, Guest (tag Tunnel) in the VM
#   WhatIf      under $WhatIfPreference: changes are described, reads and binding are real
#   Given       documentation namespaces that exist before it starts
#   Story       examples it continues (run first): S1 and S6 as the help builds them
#   Setup       PowerShell run first, for what the example assumes exists
#   Shown       neither Host nor Guest: shown, never run here, with the reason (examples that
#               need other machines reachable over SSH; ManyHosts.Tests.ps1 proves them)
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'DocumentedExamples.ps1')

    $S1 = 'Get-Help New-IpipTunnel -Examples: Example 1'
    $S6 = 'Get-Help Add-OnlinkRoute -Examples: Example 1'
    $VethToNs1 = 'New-VethPair v1-P v1 -PeerNamespace ns1 -Up'
    $LabFile = "Set-Content ./lab.psd1 '@{ Namespaces = @(@{ Name = ''lab1''; Forwarding = `$true }) }'"
    $AnyTunnel = 'New-IpipTunnel t1 -Remote 192.0.2.2 -Local 192.0.2.1'
    $AnyGreTunnel = 'New-IpTunnel gre1 -Mode gre -Local 192.0.2.1 -Remote 192.0.2.2 -Key 42'
    # The files about_IpipTools's pipeline example reads.
    $PipelineFiles = "Set-Content routes.csv 'Destination,Gateway,InterfaceName', '10.42.5.0/24,172.16.165.244,tunl0'; Set-Content tunnels.csv 'Name,Remote', 't5,10.10.20.5', 't6,10.10.20.6'"
    $TcpdumpUser = "if (-not (Select-String -Quiet '^tcpdump:' /etc/passwd -ErrorAction Ignore)) { Add-Content /etc/passwd 'tcpdump:x:0:0::/:/bin/false' }"

    $ways = @{
        'README.md: New-IpipTunnel tun1 -Local 10.10.10.2 -Remote 10.10.20.2 -Up |'                               = @{ Guest = @{ Setup = 'Set-IpipTunnel tunl0 -Up' } }
        'README.md: Import-Module ./IpipTools.psd1          # after the build; points into out/IpipTools'         = @{ Host = @{} }
        'README.md: New-NetNamespace ns1'                                                                         = @{ Guest = @{ WhatIf = $true; Story = $S1 } }
        'README.md: Set-IpipTopology -Path ./examples/S6-calico-mesh.psd1 -WhatIf     # the plan, as objects'     = @{ Host = @{ WhatIf = $true } }
        'about_IpipTools: New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up -NetNamespace ns1 |'      = @{ Host = @{ WhatIf = $true; Given = 'ns1' }; Guest = @{ Given = 'ns1' } }
        'about_IpipTools: Enter-NetNamespace ns1'                                                                 = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        "about_IpipTools: `$link = 'v1'"                                                                          = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'about_IpipTools: Get-IpipTunnel tunl0 | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244'           = @{ Guest = @{ WhatIf = $true; Setup = "Set-IpipTunnel tunl0 -Up; New-IpipTunnel tunl -Remote 192.0.2.2 -Local 192.0.2.1 -Up | Add-TunnelPeerAddress 10.0.0.1 -Peer 10.0.0.2" } }
        "about_IpipTools: foreach (`$n in 'ns1', 'ns2') { New-NetNamespace `$n }"                               = @{ Guest = @{} }
        'about_IpipTools: Set-IpipTunnel tunl0 -Up'                                                               = @{ Guest = @{} }
        "about_IpipTools: '10.42.3.0/24', '10.42.4.0/24' | Add-OnlinkRoute -Gateway 172.16.165.244 -InterfaceName tunl0" = @{ Host = @{ WhatIf = $true; Setup = $PipelineFiles }; Guest = @{ Setup = "Set-IpipTunnel tunl0 -Up; Add-IpAddress 10.42.1.1/32 -InterfaceName tunl0; $PipelineFiles" } }
        'about_IpipTools: Set-IpipTopology -Path ./examples/S6-calico-mesh.psd1'                                  = @{ Host = @{ WhatIf = $true; Given = 'node-a', 'node-b'; Setup = $LabFile } }
        "about_IpipTools: Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244'; '10.42.3.0/24' = '172.16.168.113' } -RouteMtu 1440 -NetNamespace node-a" = @{ Host = @{ WhatIf = $true; Given = 'node-a' }; Guest = @{ Given = 'node-a' } }
        'about_IpipTools: BeforeAll { $lab = New-IpipLabFixture -WithTunnels }'                                   = @{ Guest = @{} }
        "about_IpipTools: Get-IpRoute | Where-Object Protocol -eq 'static'"                                      = @{ Host = @{} }
        'about_IpipTools: @{'                                                                                     = @{ Host = @{} }
        'Get-Help Add-OnlinkRoute -Examples: Example 1'            = @{ Guest = @{} }
        'Get-Help Add-OnlinkRoute -Examples: Example 2'            = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Add-IpAddress -Examples: Example 1'              = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Add-IpAddress -Examples: Example 2'              = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Add-IpAddress -Examples: Example 3'              = @{ Host = @{ Setup = 'New-VethPair v1-P v1 -Up' } }
        'Get-Help Add-IpRoute -Examples: Example 1'                = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Add-IpRoute -Examples: Example 2'                = @{ Host = @{} }
        'Get-Help Add-IpRoute -Examples: Example 3'                = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Add-IpRoute -Examples: Example 4'                = @{ Host = @{ Setup = 'New-VethPair v1-P v1 -Up' } }
        'Get-Help Add-TunnelPeerAddress -Examples: Example 1'      = @{ Host = @{ WhatIf = $true; Given = 'ns1', 'ns2' }; Guest = @{ Given = 'ns1', 'ns2' } }
        'Get-Help Add-TunnelPeerAddress -Examples: Example 2'      = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Disable-IpForwarding -Examples: Example 1'       = @{ Host = @{ Given = 'router' } }
        'Get-Help Enable-IpForwarding -Examples: Example 1'        = @{ Host = @{} }
        # An S6 node: the kernel takes an onlink gateway only once the namespace has an address.
        # Entering pushes a session only at an interactive prompt (EnterNamespace.Tests.ps1 types
        # these there); in the examples' hosted runspace it sets the IpipTools default and warns.
        'Get-Help Enter-NetNamespace -Examples: Example 1'         = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Exit-NetNamespace -Examples: Example 1'          = @{ Guest = @{ Story = $S1 } }
        'Get-Help Get-IpForwarding -Examples: Example 1'           = @{ Host = @{ Given = 'router' } }
        'Get-Help Get-IpAddress -Examples: Example 1'              = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Get-IpAddress -Examples: Example 2'              = @{ Host = @{} }
        'Get-Help Get-IpRoute -Examples: Example 1'                = @{ Host = @{} }
        'Get-Help Get-IpRoute -Examples: Example 2'                = @{ Host = @{ Given = 'ns1' } }
        'Get-Help Get-IpRoute -Examples: Example 3'                = @{ Host = @{ Setup = 'Add-IpRoute 10.99.0.0/16 -Type Blackhole' } }
        'Get-Help Get-IpipTopology -Examples: Example 1'           = @{ Host = @{ Given = 'underlay', 'node-a', 'node-b', 'node-c' } }
        'Get-Help Get-IpipTopology -Examples: Example 2'           = @{ Host = @{ Given = 'lab1' } }
        'Get-Help Get-IpipTunnel -Examples: Example 1'             = @{ Host = @{ Given = 'ns1' }; Guest = @{ Story = $S1 } }
        'Get-Help Get-IpipTunnel -Examples: Example 2'             = @{ Guest = @{} }
        'Get-Help Get-NetLink -Examples: Example 1'                = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Get-NetNamespace -Examples: Example 1'           = @{ Host = @{ Given = 'lab1' } }
        'Get-Help Get-OnlinkRoute -Examples: Example 1'            = @{ Guest = @{ Story = $S6 } }
        'Get-Help Get-TunnelPeerAddress -Examples: Example 1'      = @{ Guest = @{ Story = $S1 } }
        'Get-Help Get-VethPair -Examples: Example 1'               = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help Invoke-NetNamespaceCommand -Examples: Example 1' = @{ Guest = @{ Story = $S1 } }
        # tcpdump -c 4 waits for four packets: a ping in ns1 sends them through tunr meanwhile.
        # tcpdump drops privileges to its own user, which the guest's account database lacks.
        'Get-Help Invoke-NetNamespaceCommand -Examples: Example 2' = @{ Guest = @{ Story = $S1; Setup = "$TcpdumpUser; `$module = (Get-Module IpipTools).Path; `$null = Start-ThreadJob { Import-Module `$using:module; Start-Sleep 1; Invoke-NetNamespaceCommand -NetNamespace ns1 ping '-c' 6 '-i' 0.3 10.10.200.10 }" } }
        'Get-Help Invoke-NetNamespaceCommand -Examples: Example 3' = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'Get-Help New-IpipLabFixture -Examples: Example 1'         = @{ Guest = @{} }
        'Get-Help New-IpipTunnel -Examples: Example 1'             = @{ Guest = @{} }
        'Get-Help New-IpipTunnel -Examples: Example 2'             = @{ Host = @{ WhatIf = $true; Given = 'ns1' }; Guest = @{ Given = 'ns1' } }
        'Get-Help New-IpipTunnel -Examples: Example 3'             = @{ Host = @{ WhatIf = $true; Given = 'ns1' }; Guest = @{ Given = 'ns1' } }
        'Get-Help New-IpTunnel -Examples: Example 1'               = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help New-IpTunnel -Examples: Example 2'               = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help New-IpTunnel -Examples: Example 3'               = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help Get-IpTunnel -Examples: Example 1'               = @{ Host = @{}; Guest = @{ Setup = $AnyGreTunnel } }
        'Get-Help Get-IpTunnel -Examples: Example 2'               = @{ Guest = @{ Setup = $AnyGreTunnel } }
        'Get-Help Set-IpTunnel -Examples: Example 1'               = @{ Guest = @{ Setup = $AnyGreTunnel } }
        'Get-Help Set-IpTunnel -Examples: Example 2'               = @{ Host = @{}; Guest = @{ Setup = 'New-IpTunnel s1 -Mode sit -Local 192.0.2.1 -Remote 192.0.2.2' } }
        'Get-Help Remove-IpTunnel -Examples: Example 1'            = @{ Guest = @{ Setup = 'New-IpTunnel vti1 -Mode vti -Local 192.0.2.1 -Remote 192.0.2.3 -Key 7' } }
        'Get-Help New-NetNamespace -Examples: Example 1'           = @{ Host = @{} }
        'Get-Help New-NetNamespaceFixture -Examples: Example 1'    = @{ Host = @{} }
        'Get-Help New-VethPair -Examples: Example 1'               = @{ Host = @{ Given = 'ns1', 'ns2' } }
        'Get-Help New-NetBridge -Examples: Example 1'              = @{ Host = @{} }
        'Get-Help Remove-NetBridge -Examples: Example 1'           = @{ Host = @{ Setup = 'New-NetBridge br0' } }
        'Get-Help Set-NetBridge -Examples: Example 1'              = @{ Host = @{} }
        'Get-Help Set-NetLink -Examples: Example 1'                = @{ Host = @{} }
        'Get-Help Set-NetLink -Examples: Example 2'                = @{ Host = @{ Setup = 'New-NetBridge br0 -Up | Out-Null; New-VethPair va vb -Up | Set-NetLink -Master br0; Set-NetLink vb -Master br0' } }
        'Get-Help Set-NetLink -Examples: Example 3'                = @{ Host = @{ Given = 'ns1'; Setup = 'New-VethPair v1 v1-P' } }
        'Get-Help Remove-NetLink -Examples: Example 1'             = @{ Host = @{ Setup = 'New-VethPair va vb' } }
        'Get-Help Remove-IpAddress -Examples: Example 1'           = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Remove-IpAddress -Examples: Example 2'           = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Remove-IpRoute -Examples: Example 1'             = @{ Host = @{ Setup = 'Add-IpRoute 10.99.0.0/16 -Type Blackhole' } }
        'Get-Help Remove-IpRoute -Examples: Example 2'             = @{ Host = @{ Setup = 'Add-IpRoute 10.99.0.0/16 -Type Blackhole' } }
        'Get-Help Remove-IpipTunnel -Examples: Example 1'          = @{ Host = @{}; Guest = @{ Setup = $AnyTunnel } }
        'Get-Help Remove-IpipTunnel -Examples: Example 2'          = @{ Host = @{ Given = 'ns1' }; Guest = @{ Story = $S1 } }
        'Get-Help Remove-NetNamespace -Examples: Example 1'        = @{ Host = @{ Given = 'ns1' } }
        'Get-Help Remove-NetNamespaceFixture -Examples: Example 1' = @{ Host = @{} }
        'Get-Help Remove-OnlinkRoute -Examples: Example 1'         = @{ Guest = @{ Story = $S6 } }
        'Get-Help Remove-OnlinkRoute -Examples: Example 2'         = @{ Guest = @{ Story = $S6 } }
        'Get-Help Remove-TunnelPeerAddress -Examples: Example 1'   = @{ Guest = @{ Story = $S1 } }
        'Get-Help Remove-VethPair -Examples: Example 1'            = @{ Host = @{ Setup = 'New-VethPair v1-P v1' } }
        'Get-Help Set-IpipMesh -Examples: Example 1'               = @{ Host = @{ WhatIf = $true; Given = 'node-a' }; Guest = @{ Given = 'node-a' } }
        'Get-Help Set-IpipMesh -Examples: Example 2'               = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help Set-IpipMesh -Examples: Example 3'               = @{ Shown = 'other hosts over SSH (ManyHosts.Tests.ps1: Set-IpipMesh -Node)' }
        # The data files name their own namespaces (ns1, underlay, ...): only -WhatIf on a shared host.
        'Get-Help Set-IpipTopology -Examples: Example 1'           = @{ Host = @{ WhatIf = $true } }
        'Get-Help Set-IpipTopology -Examples: Example 2'           = @{ Host = @{} }
        'Get-Help Set-IpipTopology -Examples: Example 3'           = @{ Host = @{ Given = 'lab1'; Setup = $LabFile } }
        'Get-Help Set-IpipTopology -Examples: Example 4'           = @{ Host = @{ Given = 'node-a' } }
        'Get-Help Set-IpipTopology -Examples: Example 5'           = @{ Shown = 'other hosts over SSH (ManyHosts.Tests.ps1)' }
        'Get-Help Set-IpipTopology -Examples: Example 6'           = @{ Shown = 'other hosts over SSH (ManyHosts.Tests.ps1: -Session)' }
        'Get-Help Set-IpipTunnel -Examples: Example 1'             = @{ Host = @{ WhatIf = $true; Given = 'nodeA' }; Guest = @{ Given = 'nodeA' } }
        'Get-Help Set-IpipTunnel -Examples: Example 2'             = @{ Host = @{}; Guest = @{ Setup = $AnyTunnel } }
        'Get-Help Test-IpipSupport -Examples: Example 1'           = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 1'          = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 2'          = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 3'          = @{ Shown = 'other hosts over SSH (ManyHosts.Tests.ps1)' }
    }

    $examples = @(Get-DocumentedExample)
    $codeOf = @{}
    foreach ($example in $examples) { $codeOf[$example.Id] = $example.Code }
    # The test cases of one place (Host or Guest): each example declared to run there.
    $runsIn = {
        param($where)
        foreach ($example in $examples | Where-Object { $ways[$_.Id].$where }) {
            $way = $ways[$example.Id].$where
            @{
                Id     = $example.Id
                Code   = $example.Code
                WhatIf = [bool]$way.WhatIf
                Given  = @($way.Given | Where-Object { $_ })
                Story  = @($way.Story | Where-Object { $_ } | ForEach-Object { $codeOf[$_] })
                Setup  = [string]$way.Setup
            }
        }
    }
    $hostRuns = @(& $runsIn 'Host')
    # Only where the kernel can make ipip tunnels (the qemu guest, or a host with ipip): on
    # a kernel without, Pester would count them as not run, and CI allows nothing unrun.
    $guestRuns = if ($HasIpip) { @(& $runsIn 'Guest') } else { @() }
}

Describe 'Documented examples' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        . (Join-Path $PSScriptRoot 'DocumentedExamples.ps1')
    }

    It 'every example has a way to run, and every way an example' -TestCases @{ Ids = @($examples.Id); Declared = @($ways.Keys) } {
        @($Ids | Where-Object { $_ -notin $Declared }) | Should -BeNullOrEmpty -Because 'a new example needs an entry in Examples.Tests.ps1'
        @($Declared | Where-Object { $_ -notin $Ids }) | Should -BeNullOrEmpty -Because 'an entry whose example is gone has nothing to run'
        $Ids.Count | Should -BeGreaterThan 40
    }

    It 'finds the examples of README.md, about_IpipTools and Get-Help -Examples' -TestCases @{ Ids = @($examples.Id) } {
        @($Ids -like 'README.md: *').Count | Should -BeGreaterOrEqual 3
        @($Ids -like 'about_IpipTools: *').Count | Should -BeGreaterOrEqual 5
        @($Ids -like 'Get-Help * -Examples: Example *').Count | Should -BeGreaterOrEqual 31
    }

    # The runner itself: an example that goes wrong must fail, with PowerShell's own error id.
    It 'fails an example whose pipeline does not bind' {
        $failures = Invoke-DocumentedExample -Code 'Get-IpForwarding | Remove-VethPair'
        $failures.FullyQualifiedErrorId | Should -BeLike '*,IpipTools.Links.RemoveVethPairCommand'
        Format-ExampleError $failures | Should -BeLike '*Get-IpForwarding | Remove-VethPair*'
    }

    It 'fails an example that names a parameter the cmdlet lacks, inside a Pester snippet' {
        $code = "BeforeAll { `$f = New-NetNamespaceFixture }`nAfterAll { `$f | Remove-NetNamespaceFixture -Confirm:`$false }`n`$f | New-VethPair va vb -Upp"
        $failures = Invoke-DocumentedExample -Code $code
        @($failures.FullyQualifiedErrorId -like 'NamedParameterNotFound*') | Should -Not -BeNullOrEmpty
        Format-ExampleError $failures | Should -BeLike '*-Upp*'
    }

    It 'fails an example whose change the kernel refuses, and leaves no namespace behind' {
        $before = @(Get-NetNamespace 'ipex*').Count
        $failures = Invoke-DocumentedExample -Code 'Remove-VethPair nosuchveth' -Given 'ns1'
        $failures.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-NetNamespace 'ipex*').Count | Should -Be $before
    }

    Context 'on the host kernel' {
        It '<Id>' -ForEach $hostRuns {
            $failures = Invoke-DocumentedExample -Code $Code -Given $Given -Story $Story -Setup $Setup -WhatIf:$WhatIf
            $failures | Should -BeNullOrEmpty -Because (Format-ExampleError $failures)
        }
    }

    if ($guestRuns) {
        Context 'with ipip tunnels' -Tag Tunnel {
            It '<Id>' -ForEach $guestRuns {
                $failures = Invoke-DocumentedExample -Code $Code -Given $Given -Story $Story -Setup $Setup -WhatIf:$WhatIf
                $failures | Should -BeNullOrEmpty -Because (Format-ExampleError $failures)
            }
        }
    }
}
