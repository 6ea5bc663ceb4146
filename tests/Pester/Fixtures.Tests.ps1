# New-NetNamespaceFixture, New-IpipLabFixture, Remove-NetNamespaceFixture.
# Discovery needs to know whether to skip: root for namespaces, ipip for tunnels.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Fixture cmdlets' -Skip:(-not $IsRoot) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
    }

    It 'makes a namespace with loopback up and removes it twice without complaint' {
        $fixture = New-NetNamespaceFixture pester
        $fixture.Namespace | Should -BeLike 'pester-*'
        Invoke-NetNamespaceCommand -NetNamespace $fixture.Namespace /usr/bin/ping '-c' 1 '-W' 2 127.0.0.1 | Out-Null
        $LASTEXITCODE | Should -Be 0
        $fixture | Remove-NetNamespaceFixture -Confirm:$false
        $fixture | Remove-NetNamespaceFixture -Confirm:$false
        $fixture.IsRemoved | Should -BeTrue
        Get-NetNamespace 'pester-*' | Should -BeNullOrEmpty
    }

    It 'builds the S1 underlay through a router namespace' {
        $lab = New-IpipLabFixture
        try {
            Invoke-NetNamespaceCommand -NetNamespace $lab.Left /usr/bin/ping '-c' 1 '-W' 3 $lab.RightUnderlay | Out-Null
            $LASTEXITCODE | Should -Be 0
        }
        finally {
            Remove-NetNamespaceFixture $lab -Confirm:$false
        }

        $lab.Namespaces | ForEach-Object { Get-NetNamespace $_ -ErrorAction SilentlyContinue } | Should -BeNullOrEmpty
    }
}
