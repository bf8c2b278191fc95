using System.Collections.Frozen;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// The method names of Python Faker's default (en_US) generator. SDV accepts any of them as an
/// sdtype (it asks Faker whether the name exists), so a metadata file written by SDV or by a user
/// may hold any; a name outside this list and SDV's own sdtypes is refused, as SDV refuses it.
/// </summary>
internal static class FakerMethods
{
    private static readonly FrozenSet<string> Names = new[]
    {
        // address (en_US)
        "address", "administrative_unit", "building_number", "city", "city_prefix", "city_suffix", "country", "country_code",
        "current_country", "current_country_code", "military_apo", "military_dpo", "military_ship", "military_state",
        "postalcode", "postalcode_in_state", "postalcode_plus4", "postcode", "postcode_in_state", "secondary_address", "state",
        "state_abbr", "street_address", "street_name", "street_suffix", "zipcode", "zipcode_in_state", "zipcode_plus4",
        // automotive, bank, barcode
        "license_plate", "vin", "aba", "bank_country", "bban", "iban", "swift", "swift11", "swift8",
        "ean", "ean13", "ean8", "localized_ean", "localized_ean13", "localized_ean8", "upc_a", "upc_e",
        // color
        "color", "color_hsl", "color_hsv", "color_name", "color_rgb", "color_rgb_float", "hex_color", "rgb_color", "rgb_css_color",
        "safe_color_name", "safe_hex_color",
        // company, credit card, currency
        "bs", "catch_phrase", "company", "company_suffix",
        "credit_card_expire", "credit_card_full", "credit_card_number", "credit_card_provider", "credit_card_security_code",
        "cryptocurrency", "cryptocurrency_code", "cryptocurrency_name", "currency", "currency_code", "currency_name", "currency_symbol", "pricetag",
        // date_time
        "am_pm", "century", "date", "date_between", "date_between_dates", "date_object", "date_of_birth", "date_this_century",
        "date_this_decade", "date_this_month", "date_this_year", "date_time", "date_time_ad", "date_time_between",
        "date_time_between_dates", "date_time_this_century", "date_time_this_decade", "date_time_this_month", "date_time_this_year",
        "day_of_month", "day_of_week", "future_date", "future_datetime", "iso8601", "month", "month_name", "past_date", "past_datetime",
        "pytimezone", "time", "time_delta", "time_object", "time_series", "timezone", "unix_time", "year",
        // doi, emoji, file, geo
        "doi", "emoji", "file_extension", "file_name", "file_path", "mime_type", "unix_device", "unix_partition",
        "coordinate", "latitude", "latlng", "local_latlng", "location_on_land", "longitude",
        // internet
        "ascii_company_email", "ascii_email", "ascii_free_email", "ascii_safe_email", "company_email", "dga", "domain_name", "domain_word",
        "email", "free_email", "free_email_domain", "hostname", "http_method", "http_status_code", "iana_id", "image_url", "ipv4",
        "ipv4_network_class", "ipv4_private", "ipv4_public", "ipv6", "mac_address", "nic_handle", "nic_handles", "port_number", "ripe_id",
        "safe_domain_name", "safe_email", "slug", "tld", "uri", "uri_extension", "uri_page", "uri_path", "url", "user_name",
        // isbn, job, lorem
        "isbn10", "isbn13", "job", "job_female", "job_male",
        "get_words_list", "paragraph", "paragraphs", "sentence", "sentences", "text", "texts", "word", "words",
        // misc
        "binary", "boolean", "csv", "dsv", "fixed_width", "image", "json", "json_bytes", "md5", "null_boolean", "password", "psv",
        "sha1", "sha256", "tar", "tsv", "uuid4", "zip",
        // passport, person
        "passport_dates", "passport_dob", "passport_full", "passport_gender", "passport_number", "passport_owner",
        "first_name", "first_name_female", "first_name_male", "first_name_nonbinary", "language_name", "last_name", "last_name_female",
        "last_name_male", "last_name_nonbinary", "name", "name_female", "name_male", "name_nonbinary", "prefix", "prefix_female",
        "prefix_male", "prefix_nonbinary", "suffix", "suffix_female", "suffix_male", "suffix_nonbinary",
        // phone_number, profile, python
        "basic_phone_number", "country_calling_code", "msisdn", "phone_number", "profile", "simple_profile",
        "enum", "pybool", "pydecimal", "pydict", "pyfloat", "pyint", "pyiterable", "pylist", "pyobject", "pyset", "pystr", "pystr_format",
        "pystruct", "pytuple",
        // sbn, ssn, user_agent
        "sbn9", "ein", "invalid_ssn", "itin", "ssn",
        "android_platform_token", "chrome", "firefox", "internet_explorer", "ios_platform_token", "linux_platform_token", "linux_processor",
        "mac_platform_token", "mac_processor", "opera", "safari", "user_agent", "windows_platform_token",
        // the base provider
        "bothify", "hexify", "language_code", "lexify", "locale", "numerify", "random_choices", "random_digit", "random_digit_above_two",
        "random_digit_not_null", "random_digit_not_null_or_empty", "random_digit_or_empty", "random_element", "random_elements",
        "random_int", "random_letter", "random_letters", "random_lowercase_letter", "random_number", "random_sample",
        "random_uppercase_letter", "randomize_nb_elements",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string name) => Names.Contains(name);
}
