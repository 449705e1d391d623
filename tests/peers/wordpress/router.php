<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// Router for PHP's built-in server: real files are served as they are, every other path goes
// to WordPress's index.php (what Apache's rewrite rules do), so /wp-json/... works.
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && is_file($root . $path)) {
    return false;
}
if (is_dir($root . $path) && is_file(rtrim($root . $path, '/') . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
