# bash completion for plugdeskctl. The candidates come from the program itself (`plugdeskctl __complete`), so they
# follow its command table: groups, verbs, aliases, flags, fixed flag values, plugin and volume names.
_plugdeskctl()
{
    local cur words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        # bash-completion: keep `--format=js` one word.
        local prev split
        _init_completion -n = || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${words[cword]}
    fi

    local out
    out=$("${words[0]}" __complete "${words[@]:1:cword-1}" "$cur" 2>/dev/null) || return
    local directive=${out##*$'\n'}
    [[ $out == *$'\n'* ]] && out=${out%$'\n'*} || out=
    COMPREPLY=()
    local line
    while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("$line")
    done <<<"$out"
    case $directive in
        :files) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$cur")) ;;
        :dirs) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- "$cur")) ;;
    esac
    # Values given as --flag=value: bash shows only what follows the '='.
    if [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]]; then
        local i
        for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#*=}; done
    fi
}
complete -F _plugdeskctl plugdeskctl
