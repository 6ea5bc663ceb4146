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
#   Ssh         reaches the hosts node-a, node-b and node-c over SSH: sshd in throwaway
#               namespaces (Helpers/SshHosts.ps1, as ManyHosts.Tests.ps1 uses), with the
#               lab's key for ~/.ssh/id_ed25519 (Invoke-DocumentedExample -SshLab)
#   Shown       neither Host nor Guest: shown, never run here, with the reason (what needs the
#               DSC engine, which cannot be installed here; text that is not PowerShell)
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'DocumentedExamples.ps1')
    . (Join-Path $PSScriptRoot 'Helpers/PwshCommand.ps1')
    $examples = @(Get-DocumentedExample)
    $codeOf = @{}
    foreach ($example in $examples) { $codeOf[$example.Id] = $example.Code }

    $S1 = 'Get-Help New-IpipTunnel -Examples: Example 1'
    $S6 = 'Get-Help Add-OnlinkRoute -Examples: Example 1'
    $VethToNs1 = 'New-VethPair v1-P v1 -PeerNamespace ns1 -Up'
    $LabFile = "Set-Content ./lab.psd1 '@{ Namespaces = @(@{ Name = ''lab1''; Forwarding = `$true }) }'"
    $AnyTunnel = 'New-IpipTunnel t1 -Remote 192.0.2.2 -Local 192.0.2.1'
    $AnyGreTunnel = 'New-IpTunnel gre1 -Mode gre -Local 192.0.2.1 -Remote 192.0.2.2 -Key 42'
    # The files about_IpipTools's pipeline example reads.
    $PipelineFiles = "Set-Content routes.csv 'Destination,Gateway,InterfaceName', '10.42.5.0/24,172.16.165.244,tunl0'; Set-Content tunnels.csv 'Name,Remote', 't5,10.10.20.5', 't6,10.10.20.6'"
    # about_IpipTools_ManyHosts: ./hosts.psd1 holds the data of its first example.
    $HostsList = 'about_IpipTools_ManyHosts: $hosts = @{ Hosts = @('
    $HostsByName = 'about_IpipTools_ManyHosts: $hosts = @{ Hosts = @{'
    $HostsFile = "Set-Content ./hosts.psd1 -Value @'`n$($codeOf[$HostsList] -replace '^\$hosts = ')`n'@"
    # Test-IpipTopology's many-hosts example reads ./mesh-hosts.psd1, Hosts by name as its comment shows.
    $MeshHostsFile = "Set-Content ./mesh-hosts.psd1 -Value @'`n$($codeOf[$HostsByName] -replace '^\$hosts = ')`n'@"
    # about_IpipTools_DscResource: "in the module folder", with `pwsh` the PowerShell of these
    # tests (the pinned one is not on PATH), and a failing exit code an error.
    $InModuleFolder = "Set-Location (Split-Path (Get-Command Get-IpipTopology).DLL); `$PSNativeCommandUseErrorActionPreference = `$true; " +
        "function pwsh { `$input | & $((Get-PwshCommandLine | ForEach-Object { "'$_'" }) -join ' ') @args }"
    $NoDsc = 'the DSC engine (dsc), which cannot be installed here; DscResource.Tests.ps1 runs the resource''s manifest commands with the same JSON, the S6 document''s instance too'
    # The neighbour and FDB examples: a veth v1 (and a permanent entry on it), a bridge with a
    # port, a vxlan with no remote (made with ip: no cmdlet creates vxlan devices yet) and its flood list.
    $VethUp = 'New-VethPair v1-P v1 -Up | Out-Null'
    $Neighbor = 'Add-IpNeighbor 10.10.10.1 02:00:00:00:00:01 -InterfaceName v1 | Out-Null'
    $BridgePort = 'New-NetBridge br0 -Up | Out-Null; New-VethPair va vb -Up | Set-NetLink -Master br0'
    $Vxlan = 'Invoke-NetNamespaceCommand -- ip link add vx0 type vxlan id 42 dstport 4789 local 192.0.2.1'
    $VxlanRemotes = 'Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.2 | Out-Null; Add-BridgeFdbEntry 00:00:00:00:00:00 -InterfaceName vx0 -Destination 192.0.2.3 -Append | Out-Null'
    # IPsec: the host kernel makes xfrm policies but no states (no ESP), so the state examples run
    # under -WhatIf there and for real in the guest (esp4, authenc, gcm: tests/kernel/initramfs.sh).
    $GcmXfrmState = "New-XfrmState 192.0.2.1 192.0.2.2 0x1000 -Mode Tunnel -Aead 'rfc4106(gcm(aes))' -AeadKey ([byte[]](1..20))"
    $VtiXfrmState = "New-XfrmState 10.10.10.2 10.10.20.2 0x1001 -Mode Tunnel -Mark 7 -Encryption 'ecb(cipher_null)' -Authentication 'hmac(sha256)' -AuthenticationKey ([byte[]](1..32))"
    $EspKeys = "`$env:ESP_ENC_KEY = '0x' + '11' * 16; `$env:ESP_AUTH_KEY = '0x' + '22' * 32"
    $VtiPolicies = 'New-XfrmPolicy Out -Mark 7 -TemplateSource 10.10.10.2 -TemplateDestination 10.10.20.2; New-XfrmPolicy In -Mark 7 -TemplateSource 10.10.20.2 -TemplateDestination 10.10.10.2'
    $TcpdumpUser = "if (-not (Select-String -Quiet '^tcpdump:' /etc/passwd -ErrorAction Ignore)) { Add-Content /etc/passwd 'tcpdump:x:0:0::/:/bin/false' }"

    $ways = @{
        'README.md: New-IpipTunnel tun1 -Local 10.10.10.2 -Remote 10.10.20.2 -Up |'                               = @{ Guest = @{ Setup = 'Set-IpipTunnel tunl0 -Up' } }
        'README.md: Import-Module ./IpipTools.psd1          # after the build; points into out/IpipTools'         = @{ Host = @{} }
        'README.md: New-NetNamespace ns1'                                                                         = @{ Shown = 'under -WhatIf its first line refuses the ns1 the S1 story makes (as the real run would), and without the story the lines after it have no ns1; its lines run as about_IpipTools examples (New-IpipTunnel ... | Add-TunnelPeerAddress, Enter-NetNamespace ns1)' }
        'README.md: Set-IpipTopology -Path ./examples/S6-calico-mesh.psd1 -WhatIf     # the plan, as objects'     = @{ Host = @{ WhatIf = $true } }
        'about_IpipTools: New-IpipTunnel tunl -Remote 10.10.20.2 -Local 10.10.10.2 -Up -NetNamespace ns1 |'      = @{ Host = @{ WhatIf = $true; Given = 'ns1' }; Guest = @{ Given = 'ns1' } }
        'about_IpipTools: Enter-NetNamespace ns1'                                                                 = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        "about_IpipTools: `$link = 'v1'"                                                                          = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
        'about_IpipTools: Get-IpipTunnel tunl0 | Add-OnlinkRoute 10.42.2.0/24 -Gateway 172.16.165.244'           = @{ Guest = @{ WhatIf = $true; Setup = "Set-IpipTunnel tunl0 -Up; New-IpipTunnel tunl -Remote 192.0.2.2 -Local 192.0.2.1 -Up | Add-TunnelPeerAddress 10.0.0.1 -Peer 10.0.0.2" } }
        "about_IpipTools: foreach (`$n in 'ns1', 'ns2') { New-NetNamespace `$n }"                               = @{ Guest = @{} }
        'about_IpipTools: Set-IpipTunnel tunl0 -Up'                                                               = @{ Guest = @{} }
        "about_IpipTools: '10.42.3.0/24', '10.42.4.0/24' | Add-OnlinkRoute -Gateway 172.16.165.244 -InterfaceName tunl0" = @{ Host = @{ WhatIf = $true; Setup = "$PipelineFiles; New-VethPair tunl0 tunl0-p -Up | Out-Null" }; Guest = @{ Setup = "Set-IpipTunnel tunl0 -Up; Add-IpAddress 10.42.1.1/32 -InterfaceName tunl0; $PipelineFiles" } }
        'about_IpipTools: Set-IpipTopology -Path ./examples/S6-calico-mesh.psd1'                                  = @{ Host = @{ WhatIf = $true; Given = 'node-a', 'node-b'; Setup = $LabFile } }
        "about_IpipTools: Set-IpipMesh 10.42.1.0 @{ '10.42.2.0/24' = '172.16.165.244'; '10.42.3.0/24' = '172.16.168.113' } -RouteMtu 1440 -NetNamespace node-a" = @{ Host = @{ WhatIf = $true; Given = 'node-a' }; Guest = @{ Given = 'node-a' } }
        'about_IpipTools: BeforeAll { $lab = New-IpipLabFixture -WithTunnels }'                                   = @{ Guest = @{} }
        "about_IpipTools: Get-IpRoute | Where-Object Protocol -eq 'static'"                                      = @{ Host = @{} }
        'about_IpipTools: @{'                                                                                     = @{ Host = @{} }
        # SURVIVING A REBOOT: Package.Tests.ps1 installs the package into a home of its own,
        # verifies the unit with systemd-analyze and runs its ExecStart as systemd runs it.
        'about_IpipTools: pwsh -NoProfile -NonInteractive -Command "Import-Module IpipTools; Set-IpipTopology -Path /etc/ipiptools/NAME.psd1 -Confirm:$false"' = @{ Shown = 'the unit''s command line, with NAME for its instance; Package.Tests.ps1 runs it from the installed unit' }
        'about_IpipTools: Install-PSResource IpipTools -Scope AllUsers'                                          = @{ Shown = 'it installs for every user and writes into /etc/systemd/system, which the tests do not do to the machine; Package.Tests.ps1 installs into a home of its own' }
        'about_IpipTools: Get-IpAddress -NetNamespace ns1 | Remove-NetLink'                                      = @{ Shown = 'it shows a refusal, an error by design; PipedObjects.Tests.ps1 pipes every kind of object into every such cmdlet and proves each refusal' }
        'about_IpipTools: Import-Csv routes-from-windows.csv | Add-IpRoute'                                      = @{ Shown = 'it needs a CSV exported by Windows and a link eth0; NetTcpip.Tests.ps1 pipes rows of that shape, with ip as the oracle' }
        'about_IpipTools: NetTCPIP            here               on the objects'                                  = @{ Shown = 'a table of names, not PowerShell' }
        'about_IpipTools_ManyHosts: $job = Set-IpipTopology -Path ./hosts.psd1 -UserName root -AsJob'          = @{ Shown = 'it needs SSH hosts; ManyHosts.Tests.ps1 runs -AsJob against sshd-in-namespace hosts and compares Receive-Job with the command' }
        'about_IpipTools: [Service]'                                                                              = @{ Shown = 'a systemd drop-in, not PowerShell' }
        'about_IpipTools_DscResource: export DSC_RESOURCE_PATH="$(dirname "$(pwsh -NoProfile -Command ''(Get-Module -ListAvailable IpipTools).Path'')")"' = @{ Shown = "sh, for $NoDsc" }
        "about_IpipTools_DscResource: '{`"namespaces`":[{`"name`":`"node-a`"}]}' | pwsh -NoProfile -File ./IpipTools.Topology.dsc.ps1 -Operation get" = @{ Host = @{ Given = 'node-a'; Setup = $InModuleFolder } }
        'about_IpipTools_DscResource: {'                                                                          = @{ Shown = "JSON, an excerpt of examples/S6-calico-mesh.dsc.config.json, for $NoDsc" }
        'about_IpipTools_DscResource: dsc config test --file examples/S6-calico-mesh.dsc.config.json'            = @{ Shown = $NoDsc }
        'about_IpipTools_ManyHosts: Subsystem powershell /usr/bin/pwsh -sshs -NoLogo'                             = @{ Shown = 'a line of sshd_config, not PowerShell (Helpers/SshHosts.ps1 writes it for the test hosts)' }
        $HostsList                                                                                                = @{ Host = @{} }
        $HostsByName                                                                                              = @{ Host = @{} }
        'about_IpipTools_ManyHosts: Set-IpipTopology -Path ./hosts.psd1 -UserName root -KeyFilePath ~/.ssh/id_ed25519' = @{ Host = @{ Ssh = $true; Setup = $HostsFile } }
        'about_IpipTools_ManyHosts: $sessions = New-PSSession -HostName node-a, node-b -UserName root'           = @{ Host = @{ Ssh = $true; Story = $HostsList } }
        'about_IpipTools_ManyHosts: Set-IpipTopology -InputObject $hosts -UserName root -WhatIf'                  = @{ Host = @{ Ssh = $true; Story = $HostsByName } }
        'about_IpipTools_ManyHosts: HostName  Status  Changed  PlannedSteps  ChangeRequests  Duration  Error'     = @{ Shown = 'output, the properties of a HostResult, not PowerShell' }
        # This kernel has no ipip: each node's plan has a conflict (no tunl0), so only -WhatIf runs.
        'about_IpipTools_ManyHosts: $nodes = @('                                                                  = @{ Host = @{ Ssh = $true; WhatIf = $true } }
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
        'Get-Help Get-IpRoute -Examples: Example 4'                = @{ Host = @{} }
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
        'Get-Help Invoke-NetNamespaceCommand -Examples: Example 4' = @{ Host = @{ Given = 'ns1'; Setup = $VethToNs1 } }
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
        'Get-Help Set-NetBridge -Examples: Example 2'              = @{ Host = @{ Setup = 'New-NetBridge br0 -SpanningTree; New-NetBridge br1' } }
        'Get-Help Set-NetLink -Examples: Example 1'                = @{ Host = @{} }
        'Get-Help Get-IpRule -Examples: Example 1'                 = @{ Host = @{} }
        'Get-Help Get-IpRule -Examples: Example 2'                 = @{ Host = @{} }
        'Get-Help Add-IpRule -Examples: Example 1'                 = @{ Host = @{} }
        'Get-Help Add-IpRule -Examples: Example 2'                 = @{ Host = @{} }
        'Get-Help Add-IpRule -Examples: Example 3'                 = @{ Host = @{} }
        'Get-Help Add-IpRule -Examples: Example 4'                 = @{ Host = @{} }
        'Get-Help Remove-IpRule -Examples: Example 1'              = @{ Host = @{ Setup = 'Add-IpRule -From 10.1.0.0/24 -Table 100 -Priority 1000' } }
        'Get-Help Remove-IpRule -Examples: Example 2'              = @{ Host = @{ Setup = 'Add-IpRule -From 10.1.0.0/24 -Table 100 -Priority 1000; Add-IpRule -To 2001:db8:bad::/48 -Action Prohibit' } }
        'Get-Help Get-IpNeighbor -Examples: Example 1'             = @{ Host = @{ Setup = "$VethUp; $Neighbor" } }
        'Get-Help Get-IpNeighbor -Examples: Example 2'             = @{ Host = @{ Setup = $VethUp } }
        'Get-Help Add-IpNeighbor -Examples: Example 1'             = @{ Host = @{ Setup = $VethUp } }
        # NBMA gre: a gre tunnel without a remote, which needs the guest's gre driver.
        'Get-Help Add-IpNeighbor -Examples: Example 2'             = @{ Guest = @{ Setup = 'New-IpTunnel gre1 -Mode gre -Local 192.0.2.1 -Key 42 | Out-Null' } }
        'Get-Help Add-IpNeighbor -Examples: Example 3'             = @{ Host = @{ Setup = $VethUp } }
        'Get-Help Set-IpNeighbor -Examples: Example 1'             = @{ Host = @{ Setup = "$VethUp; $Neighbor" } }
        'Get-Help Set-IpNeighbor -Examples: Example 2'             = @{ Host = @{ Setup = "$VethUp; Add-IpNeighbor 10.10.10.1 02:00:00:00:00:01 -InterfaceName v1 -State Stale | Out-Null" } }
        'Get-Help Remove-IpNeighbor -Examples: Example 1'          = @{ Host = @{ Setup = "$VethUp; $Neighbor" } }
        'Get-Help Remove-IpNeighbor -Examples: Example 2'          = @{ Host = @{ Setup = "$VethUp; $Neighbor" } }
        'Get-Help Get-BridgeFdbEntry -Examples: Example 1'         = @{ Host = @{ Setup = $BridgePort } }
        'Get-Help Add-BridgeFdbEntry -Examples: Example 1'         = @{ Host = @{ Setup = $Vxlan } }
        'Get-Help Add-BridgeFdbEntry -Examples: Example 2'         = @{ Host = @{ Setup = $BridgePort } }
        'Get-Help Remove-BridgeFdbEntry -Examples: Example 1'      = @{ Host = @{ Setup = "$Vxlan; $VxlanRemotes" } }
        'Get-Help Remove-BridgeFdbEntry -Examples: Example 2'      = @{ Host = @{ Setup = "$Vxlan; $VxlanRemotes" } }
        'Get-Help Set-NetLink -Examples: Example 2'                = @{ Host = @{ Setup = 'New-NetBridge br0 -Up | Out-Null; New-VethPair va vb -Up | Set-NetLink -Master br0; Set-NetLink vb -Master br0' } }
        'Get-Help Set-NetLink -Examples: Example 3'                = @{ Host = @{ Given = 'ns1'; Setup = 'New-VethPair v1 v1-P' } }
        'Get-Help Remove-NetLink -Examples: Example 1'             = @{ Host = @{ Setup = 'New-VethPair va vb' } }
        'Get-Help Remove-IpAddress -Examples: Example 1'           = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Remove-IpAddress -Examples: Example 2'           = @{ Host = @{ Given = 'ns1'; Setup = "$VethToNs1; Add-IpAddress 10.10.10.2/24 -InterfaceName v1 -NetNamespace ns1" } }
        'Get-Help Remove-IpRoute -Examples: Example 1'             = @{ Host = @{ Setup = 'Add-IpRoute 10.99.0.0/16 -Type Blackhole' } }
        'Get-Help Remove-IpRoute -Examples: Example 2'             = @{ Host = @{ Setup = 'Add-IpRoute 10.99.0.0/16 -Type Blackhole' } }
        'Get-Help Remove-IpipTunnel -Examples: Example 1'          = @{ Host = @{}; Guest = @{ Setup = $AnyTunnel } }
        'Get-Help Remove-IpipTunnel -Examples: Example 2'          = @{ Guest = @{ Story = $S1 } }
        'Get-Help Remove-NetNamespace -Examples: Example 1'        = @{ Host = @{ Given = 'ns1' } }
        'Get-Help Remove-NetNamespaceFixture -Examples: Example 1' = @{ Host = @{} }
        'Get-Help Remove-OnlinkRoute -Examples: Example 1'         = @{ Guest = @{ Story = $S6 } }
        'Get-Help Remove-OnlinkRoute -Examples: Example 2'         = @{ Guest = @{ Story = $S6 } }
        'Get-Help Remove-TunnelPeerAddress -Examples: Example 1'   = @{ Guest = @{ Story = $S1 } }
        'Get-Help Remove-VethPair -Examples: Example 1'            = @{ Host = @{ Setup = 'New-VethPair v1-P v1' } }
        'Get-Help Set-IpipMesh -Examples: Example 1'               = @{ Host = @{ WhatIf = $true; Given = 'node-a' }; Guest = @{ Given = 'node-a' } }
        'Get-Help Set-IpipMesh -Examples: Example 2'               = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        # The hosts' kernel has no ipip: each node's plan has a conflict (no tunl0), so only -WhatIf runs.
        'Get-Help Set-IpipMesh -Examples: Example 3'               = @{ Host = @{ Ssh = $true; WhatIf = $true } }
        # The data files name their own namespaces (ns1, underlay, ...): only -WhatIf on a shared host.
        'Get-Help Set-IpipTopology -Examples: Example 1'           = @{ Host = @{ WhatIf = $true } }
        'Get-Help Set-IpipTopology -Examples: Example 2'           = @{ Host = @{} }
        'Get-Help Set-IpipTopology -Examples: Example 3'           = @{ Host = @{ Given = 'lab1'; Setup = $LabFile } }
        'Get-Help Set-IpipTopology -Examples: Example 4'           = @{ Host = @{ Given = 'node-a' } }
        'Get-Help Set-IpipTopology -Examples: Example 5'           = @{ Host = @{ Ssh = $true } }
        'Get-Help Set-IpipTopology -Examples: Example 6'           = @{ Host = @{ Ssh = $true; Story = 'Get-Help Set-IpipTopology -Examples: Example 5' } }
        'Get-Help Set-IpipTunnel -Examples: Example 1'             = @{ Guest = @{ Given = 'nodeA' } }
        'Get-Help Set-IpipTunnel -Examples: Example 2'             = @{ Host = @{}; Guest = @{ Setup = $AnyTunnel } }
        'Get-Help Test-IpipSupport -Examples: Example 1'           = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 1'          = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 2'          = @{ Host = @{} }
        'Get-Help Test-IpipTopology -Examples: Example 3'          = @{ Host = @{ Ssh = $true; Setup = $MeshHostsFile } }
        'Get-Help New-XfrmState -Examples: Example 1'              = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help New-XfrmState -Examples: Example 2'              = @{ Host = @{ WhatIf = $true; Setup = $EspKeys }; Guest = @{ Setup = $EspKeys } }
        'Get-Help New-XfrmState -Examples: Example 3'              = @{ Host = @{ WhatIf = $true }; Guest = @{} }
        'Get-Help Get-XfrmState -Examples: Example 1'              = @{ Host = @{}; Guest = @{ Setup = $GcmXfrmState } }
        'Get-Help Get-XfrmState -Examples: Example 2'              = @{ Host = @{}; Guest = @{ Setup = $VtiXfrmState } }
        'Get-Help Set-XfrmState -Examples: Example 1'              = @{ Guest = @{ Setup = $GcmXfrmState } }
        'Get-Help Set-XfrmState -Examples: Example 2'              = @{ Guest = @{ Setup = $GcmXfrmState } }
        'Get-Help Remove-XfrmState -Examples: Example 1'           = @{ Host = @{ WhatIf = $true }; Guest = @{ Setup = $GcmXfrmState } }
        'Get-Help Remove-XfrmState -Examples: Example 2'           = @{ Guest = @{ Setup = $VtiXfrmState } }
        'Get-Help New-XfrmPolicy -Examples: Example 1'             = @{ Host = @{}; Guest = @{} }
        'Get-Help New-XfrmPolicy -Examples: Example 2'             = @{ Host = @{} }
        'Get-Help New-XfrmPolicy -Examples: Example 3'             = @{ Host = @{} }
        'Get-Help Get-XfrmPolicy -Examples: Example 1'             = @{ Host = @{ Setup = $VtiPolicies } }
        'Get-Help Get-XfrmPolicy -Examples: Example 2'             = @{ Host = @{ Setup = $VtiPolicies } }
        'Get-Help Set-XfrmPolicy -Examples: Example 1'             = @{ Host = @{ Setup = $VtiPolicies } }
        'Get-Help Set-XfrmPolicy -Examples: Example 2'             = @{ Host = @{ Setup = 'New-XfrmPolicy Forward -Source 10.1.0.0/16 -Destination 10.2.0.0/16 -Action Block -Priority 10' } }
        'Get-Help Remove-XfrmPolicy -Examples: Example 1'          = @{ Host = @{ Setup = $VtiPolicies } }
        'Get-Help Remove-XfrmPolicy -Examples: Example 2'          = @{ Host = @{ Setup = 'New-XfrmPolicy Out -Source 192.0.2.1/32 -Destination 192.0.2.2/32 -Protocol Tcp -DestinationPort 443 -TemplateMode Transport -TemplateReqId 2' } }
    }

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
                Ssh    = [bool]$way.Ssh
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

    It 'finds the examples of README.md, the about_IpipTools topics and Get-Help -Examples' -TestCases @{ Ids = @($examples.Id) } {
        @($Ids -like 'README.md: *').Count | Should -BeGreaterOrEqual 3
        @($Ids -like 'about_IpipTools: *').Count | Should -BeGreaterOrEqual 5
        @($Ids -like 'about_IpipTools_DscResource: *').Count | Should -BeGreaterOrEqual 4
        @($Ids -like 'about_IpipTools_ManyHosts: *').Count | Should -BeGreaterOrEqual 7
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
        BeforeAll {
            . (Join-Path $PSScriptRoot 'Helpers.ps1')
            # The hosts of the examples that reach node-a, node-b and node-c over SSH.
            $sshLab = $null
            $sshLab = New-SshHostLab -Count 3
        }

        AfterAll {
            Remove-SshHostLab $sshLab
        }

        It '<Id>' -ForEach $hostRuns {
            $failures = Invoke-DocumentedExample -Code $Code -Given $Given -Story $Story -Setup $Setup -WhatIf:$WhatIf -SshLab ($Ssh ? $sshLab : $null)
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
