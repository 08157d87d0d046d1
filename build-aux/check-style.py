#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: The Nimbus authors
"""Checks the tracked sources against .editorconfig: max_line_length, no trailing
whitespace, a final newline, spaces for indentation. Prints file:line: reason for each
fault and exits 1 if there is any.  Usage: check-style.py [SOURCE_ROOT]"""
import configparser, fnmatch, os, re, subprocess, sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
config = configparser.ConfigParser(interpolation=None)
with open(os.path.join(root, '.editorconfig')) as f:
    config.read_string('[preamble]\n' + f.read())


def expand(pattern):
    """'*.{c,h}' -> ['*.c', '*.h']"""
    m = re.search(r'\{([^}]*)\}', pattern)
    if not m:
        return [pattern]
    return [p for alt in m.group(1).split(',')
            for p in expand(pattern[:m.start()] + alt + pattern[m.end():])]


def glob_regex(pattern):
    """An EditorConfig glob as a regular expression: '*' stays within one folder, '**'
    crosses folders, '?' is one character other than '/'."""
    out, i = '', 0
    while i < len(pattern):
        if pattern.startswith('**', i):
            out, i = out + '.*', i + 2
        elif pattern[i] == '*':
            out, i = out + '[^/]*', i + 1
        elif pattern[i] == '?':
            out, i = out + '[^/]', i + 1
        elif pattern[i] == '[' and ']' in pattern[i + 1:]:
            end = pattern.index(']', i + 1)
            body = pattern[i + 1:end]
            out, i = out + '[' + ('^' + body[1:] if body.startswith('!') else body) + ']', end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out + r'\Z')


def properties(path):
    props = {}
    for section in config.sections()[1:]:
        # A pattern with a slash matches the path from the top, one without the file name.
        if any(glob_regex(p.lstrip('/')).match(path if '/' in p else os.path.basename(path))
               for p in expand(section)):
            props.update((key, value.lower()) for key, value in config[section].items())
    # 'unset' takes a property back to the editor's default, as if it were never set.
    return {key: value for key, value in props.items() if value != 'unset'}


def tracked_files():
    """The files git tracks; outside a checkout (a release tarball), every file but those of
    hidden folders and build folders."""
    try:
        return subprocess.run(['git', '-C', root, 'ls-files', '-z'], capture_output=True,
                              check=True).stdout.decode().split('\0')
    except (OSError, subprocess.CalledProcessError):
        names = []
        for top, dirs, found in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith('.')
                             and not os.path.isdir(os.path.join(top, d, 'meson-private')))
            names += [os.path.relpath(os.path.join(top, f), root) for f in sorted(found)]
        return names


files = tracked_files()
faults = 0
for name in filter(None, files):
    path = os.path.join(root, name)
    props = properties(name)
    if 'indent_style' not in props or not os.path.isfile(path):
        continue
    with open(path, 'rb') as f:
        data = f.read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        print(f'{name}: not UTF-8'); faults += 1; continue
    limit = int(props.get('max_line_length', 0) or 0)
    if props.get('insert_final_newline') == 'true' and text and not text.endswith('\n'):
        print(f'{name}: no newline at the end'); faults += 1
    for n, line in enumerate(text.split('\n'), 1):
        if limit and len(line) > limit:
            print(f'{name}:{n}: {len(line)} columns, more than {limit}'); faults += 1
        if props.get('trim_trailing_whitespace') == 'true' and line != line.rstrip():
            print(f'{name}:{n}: trailing whitespace'); faults += 1
        if props.get('indent_style') == 'space' and line.startswith('\t'):
            print(f'{name}:{n}: a tab indents the line'); faults += 1
print(f'{faults} faults' if faults else 'style: clean', file=sys.stderr)
sys.exit(1 if faults else 0)
