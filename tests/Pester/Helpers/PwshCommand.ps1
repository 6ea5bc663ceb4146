# The command line that starts this same PowerShell. The pinned pwsh of the tests is a dotnet
# tool, not on PATH, so what must run `pwsh` (the DSC resource's manifest commands, a
# documented example that pipes into pwsh) is given this instead: either the pwsh apphost,
# or dotnet followed by pwsh.dll.
function Get-PwshCommandLine {
    $self = [Environment]::ProcessPath
    if ((Split-Path -Leaf $self) -eq 'dotnet') {
        $self, [System.Reflection.Assembly]::GetEntryAssembly().Location
    }
    else {
        , $self
    }
}

# A folder holding an executable `pwsh` that starts this same PowerShell, for children that
# look pwsh up on PATH (a DSC engine, a systemd unit's command line): the pinned pwsh of the
# tests is a dotnet tool, found on no PATH.
function New-PwshShim {
    param([Parameter(Mandatory)] [string] $Folder)
    $null = New-Item -ItemType Directory -Force $Folder
    $start = (Get-PwshCommandLine | ForEach-Object { "'$_'" }) -join ' '
    $shim = Join-Path $Folder 'pwsh'
    Set-Content $shim "#!/bin/sh`nexec $start `"`$@`"`n"
    chmod +x $shim
    $Folder
}
