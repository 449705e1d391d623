<?php
// SPDX-License-Identifier: GPL-3.0-or-later
// Installs WordPress headless into the copy given as argv[1] (its wp-config.php already written)
// and prints {"user", "password", "app_password"} as one JSON line for the tests.
$_SERVER['HTTP_HOST'] = parse_url($argv[2], PHP_URL_HOST) . ':' . parse_url($argv[2], PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$password = wp_generate_password(16, false);
$result = wp_install('cmdesk test blog', 'editor', 'editor@example.com', true, '', $password);
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Europe/Paris');
$user = $result['user_id'];
list($app_password) = WP_Application_Passwords::create_new_application_password(
    $user, array('name' => 'cmdesk')
);
echo json_encode(array('user' => 'editor', 'password' => $password,
                       'app_password' => $app_password)), "\n";
