# New/Get/Remove-NetNamespace, Enter/Exit-NetNamespace, Invoke-NetNamespaceCommand.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Namespace cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Name = 'ipt-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
    }

    AfterAll {
        Get-NetNamespace "$Name*" | Remove-NetNamespace -Confirm:$false
    }

    It 'creates a namespace that ip netns sees' {
        $ns = New-NetNamespace $Name
        $ns.Name | Should -Be $Name
        (ip netns list) -match $Name | Should -Not -BeNullOrEmpty
    }

    It 'gets it by name and by wildcard' {
        (Get-NetNamespace $Name).Path | Should -Be "/run/netns/$Name"
        Get-NetNamespace 'ipt-pester-*' | Where-Object Name -eq $Name | Should -HaveCount 1
    }

    It 'refuses a name in use with ResourceExists' {
        { New-NetNamespace $Name -ErrorAction Stop } | Should -Throw -ErrorId 'NamespaceExists,IpipTools.Namespaces.NewNetNamespaceCommand'
    }

    It 'reports a missing namespace as ObjectNotFound' {
        Get-NetNamespace 'ipt-pester-missing' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'makes an entered namespace the default without moving the thread' {
        $before = (Get-Item /proc/thread-self/ns/net).Target
        Enter-NetNamespace $Name
        try {
            (Get-NetLink).Name | Should -Be @('lo')
            (Get-Item /proc/thread-self/ns/net).Target | Should -Be $before
        }
        finally {
            Exit-NetNamespace
        }
    }

    It 'refuses to exit with nothing entered' {
        { Exit-NetNamespace -ErrorAction Stop } | Should -Throw -ErrorId 'NoNamespaceEntered,IpipTools.Namespaces.ExitNetNamespaceCommand'
    }

    It 'runs a native command inside the namespace' {
        $lines = Invoke-NetNamespaceCommand -NetNamespace $Name /usr/bin/cat /proc/net/dev
        ($lines | Select-Object -Skip 2 | ForEach-Object { ($_ -split ':')[0].Trim() }) | Should -Be @('lo')
        $LASTEXITCODE | Should -Be 0
    }

    It 'keeps the exit code of a failing command and reports it' {
        Invoke-NetNamespaceCommand -NetNamespace $Name /bin/sh '-c' 'exit 3' -ErrorVariable failure -ErrorAction SilentlyContinue
        $LASTEXITCODE | Should -Be 3
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NativeCommandFailed*'
    }

    It 'asks before removing and removes' {
        Remove-NetNamespace $Name -WhatIf
        Get-NetNamespace $Name | Should -Not -BeNullOrEmpty
        Remove-NetNamespace $Name -Confirm:$false
        Get-NetNamespace 'ipt-pester-*' | Where-Object Name -eq $Name | Should -BeNullOrEmpty
    }
}
