"""HTTP endpoints of the desk, served by the sandbox's URLs and by the plugin's ``webhook``."""
