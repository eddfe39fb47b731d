"""Pure domain: values, rules and Vietnamese text. Imports nothing but the standard library."""
