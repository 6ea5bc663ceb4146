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
