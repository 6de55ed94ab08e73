"""What the browser tests share: headless Debian Chromium through Selenium, and a list of
failures the test adds to and reports at its end."""
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def start():
    """A headless Chromium (Debian's chromium and chromium-driver)."""
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
