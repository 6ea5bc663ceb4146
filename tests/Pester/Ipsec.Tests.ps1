# IPsec over NETLINK_XFRM: New/Get/Set/Remove-XfrmState and -XfrmPolicy, with the text of
# `ip xfrm state` and `ip xfrm policy` as the oracle (ip has no JSON for xfrm). This machine's
# kernel makes xfrm policies but no states (no ESP), so the policy cmdlets, -WhatIf, binding
# and the refusals are proved here; states, the secrecy of their keys once they exist, and
# traffic through a vti tunnel carry -Tag Tunnel and run in the qemu guest (xfrm_user, esp4,
# authenc and the AES-GCM and cbc(aes) modules: tests/kernel/initramfs.sh).

Describe 'IPsec policies and the refusals of the xfrm cmdlets on any kernel' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture xfrm
        $script:Ns = $Fixture.Namespace
        function script:IpPolicy { (ip -n $Ns xfrm policy) -join "`n" }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    AfterEach {
        Get-XfrmPolicy -NetNamespace $Ns | Remove-XfrmPolicy -Confirm:$false
    }

    It 'is found by Get-Command *Xfrm*: New, Get, Set and Remove for states and for policies' {
        $names = (Get-Command *Xfrm* -Module IpipTools).Name
        foreach ($noun in 'XfrmState', 'XfrmPolicy') {
            foreach ($verb in 'New', 'Get', 'Set', 'Remove') { $names | Should -Contain "$verb-$noun" }
        }
    }

    It 'creates the two policies of a vti tunnel as ip xfrm policy shows them, and reads them back' {
        $out = New-XfrmPolicy Out -Mark 7 -TemplateSource 10.10.10.2 -TemplateDestination 10.10.20.2 -TemplateReqId 4 -NetNamespace $Ns
        New-XfrmPolicy In -Mark 7 -TemplateSource 10.10.20.2 -TemplateDestination 10.10.10.2 -NetNamespace $Ns | Out-Null

        $out.Index | Should -Not -Be 0
        $out.Namespace | Should -Be $Ns
        $out.Templates[0].Mode | Should -Be 'Tunnel'
        $text = IpPolicy
        $text | Should -Match 'dir out priority 0'
        $text | Should -Match 'mark 0x7/0xffffffff'
        $text | Should -Match 'tmpl src 10\.10\.10\.2 dst 10\.10\.20\.2\s+proto esp reqid 4 mode tunnel'
        $text | Should -Match 'tmpl src 10\.10\.20\.2 dst 10\.10\.10\.2\s+proto esp reqid 0 mode tunnel'

        $read = @(Get-XfrmPolicy -Mark 7 -NetNamespace $Ns)
        $read | Should -HaveCount 2
        ($read | Where-Object Direction -eq Out).Index | Should -Be $out.Index
        (Get-NetNamespace $Ns | Get-XfrmPolicy | Measure-Object).Count | Should -Be 2 -Because 'a piped namespace names where to read'
    }

    It 'shows names, not numbers, in the default table' {
        New-XfrmPolicy Forward -Source 10.1.0.0/16 -Destination 10.2.0.0/24 -Action Block -Priority 10 -NetNamespace $Ns | Out-Null
        $table = Get-XfrmPolicy -NetNamespace $Ns | Format-Table | Out-String
        $table | Should -Match 'Forward\s+10\.1\.0\.0/16\s+10\.2\.0\.0/24\s+Block\s+10'
    }

    It 'makes a selector of prefixes, protocol and port, and removes the policy it names' {
        New-XfrmPolicy Out -Source 192.0.2.1/32 -Destination 192.0.2.2/32 -Protocol Tcp -DestinationPort 443 -TemplateMode Transport -TemplateReqId 2 -NetNamespace $Ns | Out-Null
        IpPolicy | Should -Match 'src 192\.0\.2\.1/32 dst 192\.0\.2\.2/32 proto tcp dport 443'
        IpPolicy | Should -Match 'proto esp reqid 2 mode transport'
        Remove-XfrmPolicy Out -Source 192.0.2.1/32 -Destination 192.0.2.2/32 -Protocol Tcp -DestinationPort 443 -NetNamespace $Ns -Confirm:$false
        IpPolicy | Should -BeNullOrEmpty
    }

    It 'changes a piped policy in place: priority and template, keeping its index' {
        $before = New-XfrmPolicy Out -Mark 7 -TemplateSource 10.10.10.2 -TemplateDestination 10.10.20.2 -NetNamespace $Ns
        $after = $before | Set-XfrmPolicy -Priority 9 -TemplateSource 10.10.10.2 -TemplateDestination 10.10.30.2 -PassThru
        $after.Index | Should -Be $before.Index
        $after.Priority | Should -Be 9
        @(Get-XfrmPolicy -NetNamespace $Ns) | Should -HaveCount 1
        IpPolicy | Should -Match 'dir out priority 9'
        IpPolicy | Should -Match 'tmpl src 10\.10\.10\.2 dst 10\.10\.30\.2'
        $after | Set-XfrmPolicy -NoTemplate -Action Block
        IpPolicy | Should -Match 'action block'
        IpPolicy | Should -Not -Match 'tmpl'
    }

    It 'refuses to change a policy that is not there, and creates none' {
        Set-XfrmPolicy Out -Mark 99 -Priority 1 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'XfrmPolicyNotFound*'
        IpPolicy | Should -BeNullOrEmpty
    }

    It 'refuses a policy that exists already, naming it' {
        New-XfrmPolicy In -Mark 3 -NetNamespace $Ns | Out-Null
        New-XfrmPolicy In -Mark 3 -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'XfrmPolicyExists*'
        $failure[0].Exception.Message | Should -Match 'mark 0x3/0xffffffff'
    }

    It 'describes a policy under -WhatIf and creates nothing' {
        $run = Invoke-HostCaptured { New-XfrmPolicy Out -Mark 7 -TemplateSource 10.10.10.2 -TemplateDestination 10.10.20.2 -NetNamespace $ns -WhatIf } @{ ns = $Ns }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -HaveCount 1
        $run.HostLines[0] | Should -Be "What if: Performing the operation `"Create xfrm policy out src 0.0.0.0/0 dst 0.0.0.0/0 mark 0x7/0xffffffff tmpl esp tunnel 10.10.10.2 -> 10.10.20.2`" on target `"xfrm policy Out in namespace '$Ns'`"."
        IpPolicy | Should -BeNullOrEmpty
    }

    It 'asks before removing a policy, and keeps it when the answer is no' {
        New-XfrmPolicy In -Mark 5 -NetNamespace $Ns | Out-Null
        $run = Invoke-HostCaptured { Get-XfrmPolicy -NetNamespace $ns | Remove-XfrmPolicy } @{ ns = $Ns } -Choices 2
        $run.Prompts | Should -HaveCount 1
        @(Get-XfrmPolicy -NetNamespace $Ns) | Should -HaveCount 1
    }

    It 'removes a policy from its deserialized copy, in the namespace it names' {
        New-XfrmPolicy In -Mark 6 -NetNamespace $Ns | Out-Null
        $path = Join-Path $TestDrive 'policy.xml'
        Get-XfrmPolicy -NetNamespace $Ns | Export-Clixml $path
        $copy = Import-Clixml $path
        $copy.PSObject.TypeNames[0] | Should -Be 'Deserialized.IpipTools.Core.Xfrm.XfrmPolicy'
        $copy | Remove-XfrmPolicy -Confirm:$false
        IpPolicy | Should -BeNullOrEmpty
    }

    It 'refuses an object of another kind piped into <Cmdlet>, and changes nothing' -ForEach @(
        @{ Cmdlet = 'Remove-XfrmPolicy' }
        @{ Cmdlet = 'Remove-XfrmState' }
        @{ Cmdlet = 'Set-XfrmPolicy' }
    ) {
        New-XfrmPolicy In -Mark 8 -NetNamespace $Ns | Out-Null
        Get-NetLink lo -NetNamespace $Ns | & $Cmdlet -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PipedObjectNotAccepted*'
        $failure[0].Exception.Message | Should -Match "^$Cmdlet acts on xfrm (states|policies); a link was piped in"
        @(Get-XfrmPolicy -NetNamespace $Ns) | Should -HaveCount 1
    }

    It 'refuses a policy piped into Remove-XfrmState, naming the cmdlet that fits it' {
        New-XfrmPolicy In -Mark 9 -NetNamespace $Ns | Out-Null
        Get-XfrmPolicy -NetNamespace $Ns | Remove-XfrmState -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -Match 'an xfrm policy was piped in'
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'Remove-XfrmPolicy'
        @(Get-XfrmPolicy -NetNamespace $Ns) | Should -HaveCount 1
    }

    It 'completes -<Parameter> with the kernel names of the usual algorithms, quoted' -ForEach @(
        @{ Parameter = 'Aead'; Word = 'rfc'; Expected = "'rfc4106(gcm(aes))'" }
        @{ Parameter = 'Encryption'; Word = 'ecb'; Expected = "'ecb(cipher_null)'" }
        @{ Parameter = 'Authentication'; Word = 'hmac'; Expected = "'hmac(sha256)'" }
    ) {
        $line = "New-XfrmState 10.0.0.1 10.0.0.2 1 -$Parameter $Word"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $Expected
    }
}

Describe 'Keys on any kernel: taken as SecureString or bytes, never shown' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture xfrmkey
        $script:Ns = $Fixture.Namespace
        # Distinctive bytes, so that a match cannot be chance.
        $script:HmacKey = [byte[]](@(0xc7, 0x3e, 0x91, 0x5d, 0xa2, 0x08, 0xf4, 0x6b) * 4)
        $script:AesKeyHex = '0x9d41e7b02c6af3583be17d0c95a4f26e'
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    It 'refuses a key given as plain text, without repeating it' {
        # A binding error: the command does not run at all.
        $failure = { New-XfrmState 10.0.0.1 10.0.0.2 0x100 -Encryption 'cbc(aes)' -EncryptionKey $AesKeyHex -NetNamespace $Ns -WhatIf } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError*'
        $failure.Exception.Message | Should -Match 'not taken as plain text'
        $failure.Exception.Message | Should -Not -Match $AesKeyHex.Substring(2)
    }

    It 'refuses a SecureString that is not hex, without repeating it' {
        $secret = ConvertTo-SecureString 'not-a-key-zz' -AsPlainText -Force
        $failure = { New-XfrmState 10.0.0.1 10.0.0.2 0x100 -Encryption 'cbc(aes)' -EncryptionKey $secret -NetNamespace $Ns -WhatIf } | Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'hex digits'
        $failure.Exception.Message | Should -Not -Match 'not-a-key'
    }

    It 'refuses a key without its algorithm before anything is sent' {
        New-XfrmState 10.0.0.1 10.0.0.2 0x100 -Encryption 'ecb(cipher_null)' -AeadKey $HmacKey -NetNamespace $Ns -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'XfrmKeyWithoutAlgorithm*'
    }

    It 'shows no key under -WhatIf, in verbose output, or in the error of a state the kernel refuses' {
        $aes = ConvertTo-SecureString $AesKeyHex -AsPlainText -Force
        $run = Invoke-HostCaptured {
            $VerbosePreference = 'Continue'
            New-XfrmState 10.0.0.1 10.0.0.2 0x100 -Mode Tunnel -Encryption 'cbc(aes)' -EncryptionKey $aes -Authentication 'hmac(sha256)' -AuthenticationKey $hmac -NetNamespace $ns -WhatIf *>&1
            # A 7-byte AES-GCM key: refused by every kernel (EINVAL, or ENOSYS where there is no GCM).
            New-XfrmState 10.0.0.1 10.0.0.2 0x101 -Aead 'rfc4106(gcm(aes))' -AeadKey ([byte[]]$hmac[0..6]) -NetNamespace $ns -Verbose *>&1
            $Error | Format-List * -Force | Out-String
            $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String }
        } @{ ns = $Ns; aes = $aes; hmac = $HmacKey }
        $run.HostLines | Where-Object { $_ -like 'What if:*' } | Should -HaveCount 1
        $run.HostLines[0] | Should -Match 'cbc\(aes\) \+ hmac\(sha256\) trunc 128'
        @($run.Output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -HaveCount 1 -Because 'the kernel refuses the short key'
        $text = (($run.Output | Out-String), ($run.HostLines -join "`n"), ($run.Errors | Out-String)) -join "`n"
        foreach ($form in @(Get-KeyForm $HmacKey) + @(Get-KeyForm ([System.Convert]::FromHexString($AesKeyHex.Substring(2))))) {
            $text.Contains($form) | Should -BeFalse -Because "no output holds the key as '$form'"
        }
        ip -n $Ns xfrm state | Should -BeNullOrEmpty
    }
}

Describe 'IPsec states: created, read, changed, removed, and their keys never shown' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture xfrms
        $script:Ns = $Fixture.Namespace
        function script:IpState { (ip -n $Ns xfrm state) -join "`n" }
        $script:GcmKey = [byte[]](0x3c, 0xa9, 0x17, 0xe2, 0x5b, 0x80, 0xd4, 0x6f, 0x21, 0x9e, 0xc3, 0x48, 0x75, 0x0a, 0xbd, 0xf6, 0x12, 0x34, 0x56, 0x78)
        $script:HmacKey = [byte[]](@(0xc7, 0x3e, 0x91, 0x5d, 0xa2, 0x08, 0xf4, 0x6b) * 4)
        $script:AesKeyHex = '0x9d41e7b02c6af3583be17d0c95a4f26e'
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
    }

    AfterEach {
        Get-XfrmState -NetNamespace $Ns | Remove-XfrmState -Confirm:$false
    }

    It 'creates an AES-GCM state as ip xfrm state shows it, with the key the kernel got' {
        $state = New-XfrmState 10.10.10.2 10.10.20.2 0x6001 -Mode Tunnel -ReqId 3 -Mark 7 -Aead 'rfc4106(gcm(aes))' -AeadKey $GcmKey -IcvLength 128 -NetNamespace $Ns
        $state.AeadAlgorithm | Should -Be 'rfc4106(gcm(aes))'
        $state.IcvLength | Should -Be 128
        $state.Mode | Should -Be 'Tunnel'
        $state.Namespace | Should -Be $Ns
        $text = IpState
        $text | Should -Match 'src 10\.10\.10\.2 dst 10\.10\.20\.2'
        $text | Should -Match 'proto esp spi 0x00006001 reqid 3 mode tunnel'
        $text | Should -Match 'mark 0x7/0xffffffff'
        $text | Should -Match ("aead rfc4106\(gcm\(aes\)\) 0x{0} 128" -f [System.Convert]::ToHexString($GcmKey).ToLowerInvariant())
    }

    It 'creates cbc(aes) with hmac(sha256) from SecureString keys, truncated to 128 bits by default' {
        $aes = ConvertTo-SecureString $AesKeyHex -AsPlainText -Force
        $hmac = ConvertTo-SecureString ('0x' + [System.Convert]::ToHexString($HmacKey)) -AsPlainText -Force
        $state = New-XfrmState 10.10.20.2 10.10.10.2 0x6002 -Encryption 'cbc(aes)' -EncryptionKey $aes -Authentication 'hmac(sha256)' -AuthenticationKey $hmac -NetNamespace $Ns
        $state.TruncationLength | Should -Be 128
        $state.Algorithms | Should -Be 'cbc(aes) + hmac(sha256) trunc 128'
        IpState | Should -Match ("enc cbc\(aes\) {0}" -f $AesKeyHex)
        IpState | Should -Match ("auth-trunc hmac\(sha256\) 0x{0} 128" -f [System.Convert]::ToHexString($HmacKey).ToLowerInvariant())
        IpState | Should -Match 'mode transport'
    }

    It 'lists, narrows, changes the lifetime of and removes states through the pipeline' {
        New-XfrmState 10.10.10.2 10.10.20.2 0x6003 -Mode Tunnel -Encryption 'ecb(cipher_null)' -Authentication 'hmac(sha256)' -AuthenticationKey $HmacKey -NetNamespace $Ns | Out-Null
        New-XfrmState 10.10.20.2 10.10.10.2 0x6004 -Mode Tunnel -Encryption 'ecb(cipher_null)' -Authentication 'hmac(sha256)' -AuthenticationKey $HmacKey -NetNamespace $Ns | Out-Null
        @(Get-XfrmState -NetNamespace $Ns) | Should -HaveCount 2
        (Get-XfrmState -Destination 10.10.20.2 -NetNamespace $Ns).Spi | Should -Be 0x6003
        (Get-XfrmState -NetNamespace $Ns | Format-Table | Out-String) | Should -Match '0x00006003\s+Tunnel'

        $changed = Get-XfrmState -Spi 0x6003 -NetNamespace $Ns | Set-XfrmState -SoftLifetime '00:30:00' -HardLifetime '01:00:00' -HardPacketLimit 5000 -PassThru
        $changed.Lifetime.HardLifetime | Should -Be ([timespan]'01:00:00')
        $changed.Lifetime.HardPacketLimit | Should -Be 5000
        $statistics = (ip -s -n $Ns xfrm state) -join "`n"
        $statistics | Should -Match 'expire add: soft 1800\(sec\), hard 3600\(sec\)'
        $statistics | Should -Match 'hard 5000\(packets\)'
        IpState | Should -Match ("auth-trunc hmac\(sha256\) 0x{0} 128" -f [System.Convert]::ToHexString($HmacKey).ToLowerInvariant()) -Because 'the update kept the key'

        Get-XfrmState -Spi 0x6003 -NetNamespace $Ns | Remove-XfrmState -Confirm:$false
        IpState | Should -Not -Match 'spi 0x00006003'
        Remove-XfrmState 10.10.10.2 0x6004 -NetNamespace $Ns -Confirm:$false
        IpState | Should -BeNullOrEmpty
    }

    It 'refuses a state that exists already, and one that is not there, naming them' {
        New-XfrmState 10.10.10.2 10.10.20.2 0x6005 -Encryption 'ecb(cipher_null)' -Authentication 'hmac(sha256)' -AuthenticationKey $HmacKey -NetNamespace $Ns | Out-Null
        New-XfrmState 10.10.10.2 10.10.20.2 0x6005 -Encryption 'ecb(cipher_null)' -Authentication 'hmac(sha256)' -AuthenticationKey $HmacKey -NetNamespace $Ns -ErrorVariable exists -ErrorAction SilentlyContinue
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'XfrmStateExists*'
        $exists[0].Exception.Message | Should -Match 'SPI 0x00006005 to 10\.10\.20\.2'
        Remove-XfrmState 10.10.10.2 0x6006 -NetNamespace $Ns -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'XfrmStateNotFound*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'never shows a key: not in any stream, view, JSON, Clixml, deserialized copy or error record' {
        $aes = ConvertTo-SecureString $AesKeyHex -AsPlainText -Force
        $path = Join-Path $TestDrive 'states.xml'
        $errorsPath = Join-Path $TestDrive 'errors.xml'
        $run = Invoke-HostCaptured {
            $VerbosePreference = 'Continue'
            $InformationPreference = 'Continue'
            New-XfrmState 10.10.10.2 10.10.20.2 0x7001 -Mode Tunnel -Aead 'rfc4106(gcm(aes))' -AeadKey $gcm -NetNamespace $ns -Verbose *>&1
            New-XfrmState 10.10.20.2 10.10.10.2 0x7002 -Encryption 'cbc(aes)' -EncryptionKey $aes -Authentication 'hmac(sha256)' -AuthenticationKey $hmac -NetNamespace $ns -Verbose *>&1
            New-XfrmState 10.10.20.2 10.10.10.2 0x7003 -Encryption 'cbc(aes)' -EncryptionKey $aes -Authentication 'hmac(sha256)' -AuthenticationKey $hmac -NetNamespace $ns -WhatIf *>&1
            # The same state again (EEXIST), and a key of the wrong length (EINVAL): two errors.
            New-XfrmState 10.10.10.2 10.10.20.2 0x7001 -Mode Tunnel -Aead 'rfc4106(gcm(aes))' -AeadKey $gcm -NetNamespace $ns *>&1
            New-XfrmState 10.10.10.2 10.10.20.2 0x7004 -Aead 'rfc4106(gcm(aes))' -AeadKey ([byte[]]$gcm[0..6]) -NetNamespace $ns *>&1
            $states = Get-XfrmState -NetNamespace $ns
            $states
            $states | Format-Table | Out-String
            $states | Format-List | Out-String
            $states | Format-List * -Force | Out-String
            $states | ConvertTo-Json -Depth 8
            $states | Export-Clixml $path
            Get-Content -Raw $path
            Import-Clixml $path | Format-List * -Force | Out-String
            $states | Get-Member | Out-String
            $states | ForEach-Object { $_.ToString() }
            $Error | Format-List * -Force | Out-String
            $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String; $_.InvocationInfo | Format-List * -Force | Out-String }
            $Error | Export-Clixml $errorsPath -Depth 4
            Get-Content -Raw $errorsPath
        } @{ ns = $Ns; gcm = $GcmKey; aes = $aes; hmac = $HmacKey; path = $path; errorsPath = $errorsPath }

        @($run.Output | Where-Object { $_ -is [IpipTools.Core.Xfrm.XfrmState] }) | Should -Not -BeNullOrEmpty
        @($run.Output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -HaveCount 2
        $text = (($run.Output | Out-String -Width 4096), ($run.HostLines -join "`n"), ($run.Errors | Out-String -Width 4096)) -join "`n"
        $forms = @(Get-KeyForm $GcmKey) + @(Get-KeyForm $HmacKey) + @(Get-KeyForm ([System.Convert]::FromHexString($AesKeyHex.Substring(2))))
        foreach ($form in $forms) {
            $text.Contains($form) | Should -BeFalse -Because "no output holds a key as '$form'"
        }

        # The keys did reach the kernel: ip, the oracle, shows them.
        $ip = (ip -n $Ns xfrm state) -join "`n"
        $ip | Should -Match ([System.Convert]::ToHexString($GcmKey).ToLowerInvariant())
        $ip | Should -Match $AesKeyHex.Substring(2)
    }
}

Describe 'A vti tunnel through IPsec made with the xfrm cmdlets' -Tag Tunnel {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
    }

    BeforeEach {
        # S1's lab without its tunnels: Left 10.10.10.2 and Right 10.10.20.2 behind a router.
        $script:Lab = New-IpipLabFixture xvti
    }

    AfterEach {
        $Lab | Where-Object { $_ } | Remove-NetNamespaceFixture -Confirm:$false
    }

    It 'carries a ping over vti under AES-GCM: the capture on the underlay shows ESP under each SPI' {
        New-IpTunnel vgl -Mode vti -Local 10.10.10.2 -Remote 10.10.20.2 -Key 11 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.72.1.1 -Peer 10.72.1.2 | Out-Null
        New-IpTunnel vgr -Mode vti -Local 10.10.20.2 -Remote 10.10.10.2 -Key 11 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.72.1.2 -Peer 10.72.1.1 | Out-Null
        $key = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(20)
        foreach ($end in @{ Ns = $Lab.Left; Local = '10.10.10.2'; Remote = '10.10.20.2'; Out = 0x8001; In = 0x8002 }, @{ Ns = $Lab.Right; Local = '10.10.20.2'; Remote = '10.10.10.2'; Out = 0x8002; In = 0x8001 }) {
            New-XfrmState $end.Local $end.Remote $end.Out -Mode Tunnel -Mark 11 -Aead 'rfc4106(gcm(aes))' -AeadKey $key -NetNamespace $end.Ns | Out-Null
            New-XfrmState $end.Remote $end.Local $end.In -Mode Tunnel -Mark 11 -Aead 'rfc4106(gcm(aes))' -AeadKey $key -NetNamespace $end.Ns | Out-Null
            New-XfrmPolicy Out -Mark 11 -TemplateSource $end.Local -TemplateDestination $end.Remote -NetNamespace $end.Ns | Out-Null
            New-XfrmPolicy In -Mark 11 -TemplateSource $end.Remote -TemplateDestination $end.Local -NetNamespace $end.Ns | Out-Null
        }

        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'esp' -Count 2
        Test-Ping $Lab.Left 10.72.1.2 | Should -BeTrue
        $lines = ($capture | Receive-PacketCapture).Lines
        $lines[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: ESP\(spi=0x00008001,seq=0x1\)'
        $lines[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: ESP\(spi=0x00008002,seq=0x1\)'
        $lines -join "`n" | Should -Not -Match 'ICMP' -Because 'AES-GCM hides the ping inside'
    }

    It 'carries a ping over vti with the IPsec of Add-VtiIpsec, the set-up the tunnel family''s vti tests use' {
        New-IpTunnel vnl -Mode vti -Local 10.10.10.2 -Remote 10.10.20.2 -Key 13 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.72.3.1 -Peer 10.72.3.2 | Out-Null
        New-IpTunnel vnr -Mode vti -Local 10.10.20.2 -Remote 10.10.10.2 -Key 13 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.72.3.2 -Peer 10.72.3.1 | Out-Null
        Add-VtiIpsec $Lab.Left -Local 10.10.10.2 -Remote 10.10.20.2 -Mark 13 -OutSpi 0xa001 -InSpi 0xa002
        Add-VtiIpsec $Lab.Right -Local 10.10.20.2 -Remote 10.10.10.2 -Mark 13 -OutSpi 0xa002 -InSpi 0xa001
        (ip -n $Lab.Left xfrm state) -join "`n" | Should -Match 'enc ecb\(cipher_null\)'
        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'esp' -Count 2
        Test-Ping $Lab.Left 10.72.3.2 | Should -BeTrue
        $lines = ($capture | Receive-PacketCapture).Lines
        $lines[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: ESP\(spi=0x0000a001,seq=0x1\)'
        $lines[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: ESP\(spi=0x0000a002,seq=0x1\)'
    }

    It 'carries a ping over vti under cbc(aes) with hmac(sha256), and stops when the policy is removed' {
        New-IpTunnel vcl -Mode vti -Local 10.10.10.2 -Remote 10.10.20.2 -Key 12 -Up -NetNamespace $Lab.Left | Add-TunnelPeerAddress 10.72.2.1 -Peer 10.72.2.2 | Out-Null
        New-IpTunnel vcr -Mode vti -Local 10.10.20.2 -Remote 10.10.10.2 -Key 12 -Up -NetNamespace $Lab.Right | Add-TunnelPeerAddress 10.72.2.2 -Peer 10.72.2.1 | Out-Null
        $aes = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(16)
        $hmac = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        foreach ($end in @{ Ns = $Lab.Left; Local = '10.10.10.2'; Remote = '10.10.20.2'; Out = 0x9001; In = 0x9002 }, @{ Ns = $Lab.Right; Local = '10.10.20.2'; Remote = '10.10.10.2'; Out = 0x9002; In = 0x9001 }) {
            foreach ($sa in @{ From = $end.Local; To = $end.Remote; Spi = $end.Out }, @{ From = $end.Remote; To = $end.Local; Spi = $end.In }) {
                New-XfrmState $sa.From $sa.To $sa.Spi -Mode Tunnel -Mark 12 -Encryption 'cbc(aes)' -EncryptionKey $aes -Authentication 'hmac(sha256)' -AuthenticationKey $hmac -NetNamespace $end.Ns | Out-Null
            }
            New-XfrmPolicy Out -Mark 12 -TemplateSource $end.Local -TemplateDestination $end.Remote -NetNamespace $end.Ns | Out-Null
            New-XfrmPolicy In -Mark 12 -TemplateSource $end.Remote -TemplateDestination $end.Local -NetNamespace $end.Ns | Out-Null
        }

        $capture = Start-PacketCapture $Lab.Router v1-P -Filter 'esp' -Count 2
        Test-Ping $Lab.Left 10.72.2.2 | Should -BeTrue
        $lines = ($capture | Receive-PacketCapture).Lines
        $lines[0] | Should -Match '^IP 10\.10\.10\.2 > 10\.10\.20\.2: ESP\(spi=0x00009001,seq=0x1\)'
        $lines[1] | Should -Match '^IP 10\.10\.20\.2 > 10\.10\.10\.2: ESP\(spi=0x00009002,seq=0x1\)'

        Get-XfrmPolicy Out -Mark 12 -NetNamespace $Lab.Left | Remove-XfrmPolicy -Confirm:$false
        Test-Ping $Lab.Left 10.72.2.2 | Should -BeFalse -Because 'without its out policy the tunnel has nowhere to send'
    }
}
