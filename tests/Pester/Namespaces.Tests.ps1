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
