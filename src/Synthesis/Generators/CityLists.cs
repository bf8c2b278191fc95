namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// The data behind <see cref="CommonCities"/>: larger cities of each country, largest first (roughly, by population),
/// written as English-language business data writes them ("Munich", "Lisbon"), each with its first-level region's
/// code where the country's addresses carry one ("Seattle/WA"); and those regions' names. Public facts, nothing
/// learned from a source. Kept as text so that a country reads as one line of a gazetteer.
/// </summary>
internal static class CityLists
{
    /// <summary>By country (as <see cref="CommonCountries.Canonical"/> names it): "City|City/REGION|...", largest first.</summary>
    public static readonly IReadOnlyDictionary<string, string> Cities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["United States"] = "New York/NY|Los Angeles/CA|Chicago/IL|Houston/TX|Phoenix/AZ|Philadelphia/PA|San Antonio/TX|San Diego/CA|Dallas/TX|"
            + "Jacksonville/FL|Austin/TX|Fort Worth/TX|San Jose/CA|Columbus/OH|Charlotte/NC|Indianapolis/IN|San Francisco/CA|Seattle/WA|"
            + "Denver/CO|Oklahoma City/OK|Nashville/TN|Washington/DC|El Paso/TX|Las Vegas/NV|Boston/MA|Detroit/MI|Portland/OR|Louisville/KY|"
            + "Memphis/TN|Baltimore/MD|Milwaukee/WI|Albuquerque/NM|Tucson/AZ|Fresno/CA|Sacramento/CA|Mesa/AZ|Atlanta/GA|Kansas City/MO|"
            + "Omaha/NE|Raleigh/NC|Miami/FL|Minneapolis/MN|Tampa/FL|New Orleans/LA|Cleveland/OH|Pittsburgh/PA|St. Louis/MO|Cincinnati/OH|"
            + "Salt Lake City/UT|Orlando/FL|Honolulu/HI|Anchorage/AK|Wichita/KS|Newark/NJ|Boise/ID|Richmond/VA|Des Moines/IA|Birmingham/AL|"
            + "Little Rock/AR|Sioux Falls/SD|Providence/RI|Jackson/MS|Columbia/SC|Fargo/ND|Billings/MT|Manchester/NH|Bridgeport/CT|"
            + "Charleston/WV|Wilmington/DE|Cheyenne/WY|Burlington/VT|Portland/ME|"
            // Second cities of the states, so that a row whose state is kept from the source (most of a table in WA) can have
            // a city of its state other than the source's own rare ones.
            + "Long Beach/CA|Oakland/CA|Bakersfield/CA|Anaheim/CA|Arlington/TX|Corpus Christi/TX|Plano/TX|Aurora/CO|Colorado Springs/CO|"
            + "Spokane/WA|Tacoma/WA|Bellevue/WA|Everett/WA|Vancouver/WA|Buffalo/NY|Rochester/NY|Jersey City/NJ|Virginia Beach/VA|Norfolk/VA|"
            + "Henderson/NV|Reno/NV|Lincoln/NE|Toledo/OH|St. Paul/MN|Madison/WI|Durham/NC|Greensboro/NC|Chandler/AZ|Scottsdale/AZ|"
            + "Fort Wayne/IN|Baton Rouge/LA|Tulsa/OK|Lexington/KY|Knoxville/TN|Savannah/GA|Eugene/OR|Salem/OR|Worcester/MA|"
            + "Grand Rapids/MI|Allentown/PA|Springfield/IL|Tallahassee/FL|Hartford/CT|Montgomery/AL|Huntsville/AL|Cedar Rapids/IA|"
            + "Overland Park/KS|Provo/UT|Missoula/MT|Rapid City/SD|Bismarck/ND|Juneau/AK|Hilo/HI|Nampa/ID|Gulfport/MS|Fayetteville/AR|"
            + "Warwick/RI|Nashua/NH|Dover/DE|Casper/WY|South Burlington/VT|Lewiston/ME|Morgantown/WV|Charleston/SC|Santa Fe/NM|Annapolis/MD",
        ["Canada"] = "Toronto/ON|Montreal/QC|Calgary/AB|Ottawa/ON|Edmonton/AB|Winnipeg/MB|Mississauga/ON|Vancouver/BC|Brampton/ON|Hamilton/ON|"
            + "Quebec City/QC|Surrey/BC|Laval/QC|Halifax/NS|London/ON|Markham/ON|Gatineau/QC|Saskatoon/SK|Kitchener/ON|Burnaby/BC|Windsor/ON|"
            + "Regina/SK|Richmond/BC|Oakville/ON|Burlington/ON|Sherbrooke/QC|Oshawa/ON|Barrie/ON|Abbotsford/BC|Kelowna/BC|Victoria/BC|"
            + "St. John's/NL|Red Deer/AB|Lethbridge/AB|Kamloops/BC|Nanaimo/BC|Moncton/NB|Saint John/NB|Thunder Bay/ON|Fredericton/NB|"
            + "Charlottetown/PE|Whitehorse/YT|Yellowknife/NT|Iqaluit/NU",
        ["Brazil"] = "São Paulo/SP|Rio de Janeiro/RJ|Brasília/DF|Salvador/BA|Fortaleza/CE|Belo Horizonte/MG|Manaus/AM|Curitiba/PR|Recife/PE|"
            + "Goiânia/GO|Belém/PA|Porto Alegre/RS|Guarulhos/SP|Campinas/SP|São Luís/MA|São Gonçalo/RJ|Maceió/AL|Duque de Caxias/RJ|Natal/RN|"
            + "Teresina/PI|Campo Grande/MS|Nova Iguaçu/RJ|São Bernardo do Campo/SP|João Pessoa/PB|Santo André/SP|Osasco/SP|"
            + "São José dos Campos/SP|Ribeirão Preto/SP|Uberlândia/MG|Sorocaba/SP|Contagem/MG|Aracaju/SE|Feira de Santana/BA|Cuiabá/MT|"
            + "Joinville/SC|Juiz de Fora/MG|Londrina/PR|Florianópolis/SC|Vitória/ES|Porto Velho/RO|Macapá/AP|Boa Vista/RR|Rio Branco/AC|Palmas/TO",
        ["Australia"] = "Sydney/NSW|Melbourne/VIC|Brisbane/QLD|Perth/WA|Adelaide/SA|Gold Coast/QLD|Newcastle/NSW|Canberra/ACT|Sunshine Coast/QLD|"
            + "Wollongong/NSW|Geelong/VIC|Hobart/TAS|Townsville/QLD|Cairns/QLD|Darwin/NT|Toowoomba/QLD|Ballarat/VIC|Bendigo/VIC|Albury/NSW|"
            + "Launceston/TAS|Mackay/QLD|Rockhampton/QLD|Bunbury/WA|Bundaberg/QLD|Wagga Wagga/NSW|Mildura/VIC|Geraldton/WA|Alice Springs/NT|"
            + "Mount Gambier/SA|Whyalla/SA",
        ["Mexico"] = "Mexico City/CDMX|Guadalajara/JAL|Monterrey/NL|Puebla/PUE|Tijuana/BC|León/GTO|Ciudad Juárez/CHIH|Zapopan/JAL|Mérida/YUC|"
            + "San Luis Potosí/SLP|Aguascalientes/AGS|Hermosillo/SON|Saltillo/COAH|Mexicali/BC|Culiacán/SIN|Querétaro/QRO|Chihuahua/CHIH|"
            + "Morelia/MICH|Toluca/MEX|Cancún/QROO|Acapulco/GRO|Torreón/COAH|Veracruz/VER|Villahermosa/TAB|Tuxtla Gutiérrez/CHIS|Oaxaca/OAX|"
            + "Durango/DGO|Tampico/TAMPS|Reynosa/TAMPS|Cuernavaca/MOR|Xalapa/VER|Mazatlán/SIN|Pachuca/HGO|Tepic/NAY|Campeche/CAM|Colima/COL|"
            + "La Paz/BCS|Zacatecas/ZAC|Tlaxcala/TLAX",
        ["India"] = "Mumbai/MH|Delhi/DL|Bangalore/KA|Hyderabad/TG|Ahmedabad/GJ|Chennai/TN|Kolkata/WB|Surat/GJ|Pune/MH|Jaipur/RJ|Lucknow/UP|"
            + "Kanpur/UP|Nagpur/MH|Indore/MP|Thane/MH|Bhopal/MP|Visakhapatnam/AP|Patna/BR|Vadodara/GJ|Ghaziabad/UP|Ludhiana/PB|Agra/UP|"
            + "Nashik/MH|Faridabad/HR|Rajkot/GJ|Varanasi/UP|Srinagar/JK|Amritsar/PB|Coimbatore/TN|Kochi/KL|Chandigarh/CH|Guwahati/AS|"
            + "Bhubaneswar/OD|Ranchi/JH|Raipur/CG|Dehradun/UK|Thiruvananthapuram/KL|Mysore/KA|Panaji/GA",
        ["Germany"] = "Berlin/BE|Hamburg/HH|Munich/BY|Cologne/NW|Frankfurt am Main/HE|Stuttgart/BW|Düsseldorf/NW|Leipzig/SN|Dortmund/NW|"
            + "Essen/NW|Bremen/HB|Dresden/SN|Hanover/NI|Nuremberg/BY|Duisburg/NW|Bochum/NW|Wuppertal/NW|Bielefeld/NW|Bonn/NW|Münster/NW|"
            + "Mannheim/BW|Karlsruhe/BW|Augsburg/BY|Wiesbaden/HE|Mönchengladbach/NW|Gelsenkirchen/NW|Aachen/NW|Braunschweig/NI|Kiel/SH|"
            + "Chemnitz/SN|Halle/ST|Magdeburg/ST|Freiburg im Breisgau/BW|Krefeld/NW|Mainz/RP|Lübeck/SH|Erfurt/TH|Rostock/MV|Kassel/HE|"
            + "Saarbrücken/SL|Potsdam/BB|Schwerin/MV",
        ["United Kingdom"] = "London|Birmingham|Manchester|Glasgow|Liverpool|Leeds|Sheffield|Edinburgh|Bristol|Leicester|Coventry|Bradford|"
            + "Cardiff|Belfast|Nottingham|Kingston upon Hull|Newcastle upon Tyne|Stoke-on-Trent|Southampton|Derby|Portsmouth|Brighton|Plymouth|"
            + "Wolverhampton|Reading|Aberdeen|Swansea|Oxford|Cambridge|York|Norwich|Dundee|Exeter|Bath",
        ["Ireland"] = "Dublin|Cork|Limerick|Galway|Waterford|Drogheda|Dundalk|Swords|Bray|Navan|Kilkenny|Ennis|Carlow|Tralee|Newbridge|"
            + "Portlaoise|Balbriggan|Athlone|Mullingar|Letterkenny|Sligo|Wexford",
        ["France"] = "Paris|Marseille|Lyon|Toulouse|Nice|Nantes|Montpellier|Strasbourg|Bordeaux|Lille|Rennes|Reims|Toulon|Saint-Étienne|"
            + "Le Havre|Grenoble|Dijon|Angers|Nîmes|Villeurbanne|Clermont-Ferrand|Le Mans|Aix-en-Provence|Brest|Tours|Amiens|Limoges|Annecy|"
            + "Perpignan|Metz|Besançon|Orléans|Rouen|Mulhouse|Caen|Nancy",
        ["Italy"] = "Rome|Milan|Naples|Turin|Palermo|Genoa|Bologna|Florence|Bari|Catania|Venice|Verona|Messina|Padua|Trieste|Brescia|Parma|"
            + "Taranto|Prato|Modena|Reggio Calabria|Reggio Emilia|Perugia|Livorno|Ravenna|Cagliari|Foggia|Rimini|Salerno|Ferrara|Bergamo|"
            + "Trento|Vicenza|Bolzano",
        ["Spain"] = "Madrid|Barcelona|Valencia|Seville|Zaragoza|Málaga|Murcia|Palma|Las Palmas de Gran Canaria|Bilbao|Alicante|Córdoba|"
            + "Valladolid|Vigo|Gijón|L'Hospitalet de Llobregat|A Coruña|Vitoria-Gasteiz|Granada|Elche|Oviedo|Badalona|Cartagena|Terrassa|"
            + "Jerez de la Frontera|Sabadell|Santa Cruz de Tenerife|Pamplona|Almería|San Sebastián|Burgos|Santander|Salamanca|Logroño",
        ["Portugal"] = "Lisbon|Porto|Vila Nova de Gaia|Amadora|Braga|Funchal|Coimbra|Setúbal|Almada|Queluz|Aveiro|Viseu|Leiria|Faro|Évora|"
            + "Guimarães|Odivelas|Matosinhos|Ponta Delgada|Barreiro|Portimão",
        ["Netherlands"] = "Amsterdam|Rotterdam|The Hague|Utrecht|Eindhoven|Groningen|Tilburg|Almere|Breda|Nijmegen|Apeldoorn|Haarlem|Arnhem|"
            + "Enschede|Amersfoort|Zaanstad|'s-Hertogenbosch|Zwolle|Leiden|Maastricht|Dordrecht|Delft|Alkmaar|Venlo|Deventer",
        ["Belgium"] = "Brussels|Antwerp|Ghent|Charleroi|Liège|Bruges|Namur|Leuven|Mons|Aalst|Mechelen|La Louvière|Kortrijk|Hasselt|Ostend|"
            + "Sint-Niklaas|Tournai|Genk|Seraing|Roeselare|Verviers|Mouscron",
        ["Switzerland"] = "Zurich|Geneva|Basel|Lausanne|Bern|Winterthur|Lucerne|St. Gallen|Lugano|Biel|Thun|Köniz|La Chaux-de-Fonds|Fribourg|"
            + "Schaffhausen|Chur|Neuchâtel|Vernier|Uster|Sion|Zug",
        ["Austria"] = "Vienna|Graz|Linz|Salzburg|Innsbruck|Klagenfurt|Villach|Wels|Sankt Pölten|Dornbirn|Wiener Neustadt|Steyr|Feldkirch|"
            + "Bregenz|Leonding|Klosterneuburg|Baden|Wolfsberg|Leoben|Krems",
        ["Denmark"] = "Copenhagen|Aarhus|Odense|Aalborg|Esbjerg|Randers|Kolding|Horsens|Vejle|Roskilde|Herning|Hørsholm|Silkeborg|Næstved|"
            + "Fredericia|Viborg|Køge|Holstebro|Taastrup|Slagelse",
        ["Norway"] = "Oslo|Bergen|Trondheim|Stavanger|Drammen|Fredrikstad|Kristiansand|Sandnes|Tromsø|Sarpsborg|Skien|Ålesund|Sandefjord|"
            + "Haugesund|Tønsberg|Moss|Porsgrunn|Bodø|Arendal|Hamar|Larvik|Halden|Lillehammer",
        ["Sweden"] = "Stockholm|Gothenburg|Malmö|Uppsala|Västerås|Örebro|Linköping|Helsingborg|Jönköping|Norrköping|Lund|Umeå|Gävle|Borås|"
            + "Södertälje|Eskilstuna|Halmstad|Växjö|Karlstad|Sundsvall|Luleå|Östersund|Trollhättan|Kalmar",
        ["Finland"] = "Helsinki|Espoo|Tampere|Vantaa|Oulu|Turku|Jyväskylä|Lahti|Kuopio|Pori|Kouvola|Joensuu|Lappeenranta|Hämeenlinna|Vaasa|"
            + "Seinäjoki|Rovaniemi|Mikkeli|Kotka|Salo",
        ["Poland"] = "Warsaw|Kraków|Łódź|Wrocław|Poznań|Gdańsk|Szczecin|Bydgoszcz|Lublin|Białystok|Katowice|Gdynia|Częstochowa|Radom|Toruń|"
            + "Sosnowiec|Rzeszów|Kielce|Gliwice|Olsztyn|Zabrze|Bielsko-Biała|Bytom|Zielona Góra|Rybnik|Opole",
        ["Czech Republic"] = "Prague|Brno|Ostrava|Plzeň|Liberec|Olomouc|České Budějovice|Hradec Králové|Ústí nad Labem|Pardubice|Zlín|"
            + "Havířov|Kladno|Most|Opava|Frýdek-Místek|Karviná|Jihlava|Teplice|Děčín",
        ["Hungary"] = "Budapest|Debrecen|Szeged|Miskolc|Pécs|Győr|Nyíregyháza|Kecskemét|Székesfehérvár|Szombathely|Szolnok|Tatabánya|"
            + "Kaposvár|Érd|Veszprém|Békéscsaba|Zalaegerszeg|Sopron|Eger|Nagykanizsa",
        ["Greece"] = "Athens|Thessaloniki|Patras|Heraklion|Larissa|Volos|Ioannina|Chania|Chalcis|Kavala|Serres|Alexandroupoli|Katerini|"
            + "Kalamata|Trikala|Lamia|Komotini|Rhodes|Agrinio|Drama",
        ["Russia"] = "Moscow|Saint Petersburg|Novosibirsk|Yekaterinburg|Kazan|Nizhny Novgorod|Chelyabinsk|Samara|Omsk|Rostov-on-Don|Ufa|"
            + "Krasnoyarsk|Voronezh|Perm|Volgograd|Krasnodar|Saratov|Tyumen|Tolyatti|Izhevsk|Barnaul|Irkutsk|Khabarovsk|Vladivostok|"
            + "Yaroslavl|Kaliningrad|Sochi",
        ["Turkey"] = "Istanbul|Ankara|Izmir|Bursa|Antalya|Konya|Adana|Şanlıurfa|Gaziantep|Kocaeli|Mersin|Diyarbakır|Hatay|Manisa|Kayseri|"
            + "Samsun|Balıkesir|Kahramanmaraş|Van|Aydın|Denizli|Sakarya|Eskişehir|Trabzon|Malatya",
        ["China"] = "Shanghai|Beijing|Chongqing|Tianjin|Guangzhou|Shenzhen|Chengdu|Nanjing|Wuhan|Xi'an|Hangzhou|Dongguan|Foshan|Shenyang|"
            + "Harbin|Qingdao|Dalian|Jinan|Zhengzhou|Changsha|Kunming|Suzhou|Xiamen|Hefei|Fuzhou|Ningbo|Shijiazhuang|Changchun|Nanning|"
            + "Taiyuan|Ürümqi|Guiyang|Nanchang|Lanzhou|Wuxi",
        ["Japan"] = "Tokyo|Yokohama|Osaka|Nagoya|Sapporo|Fukuoka|Kobe|Kawasaki|Kyoto|Saitama|Hiroshima|Sendai|Chiba|Kitakyushu|Sakai|"
            + "Niigata|Hamamatsu|Kumamoto|Sagamihara|Shizuoka|Okayama|Kagoshima|Funabashi|Hachioji|Kawaguchi|Himeji|Matsuyama|Utsunomiya|"
            + "Kanazawa|Nagasaki|Naha",
        ["South Korea"] = "Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Suwon|Ulsan|Changwon|Goyang|Yongin|Seongnam|Bucheon|Cheongju|Ansan|"
            + "Jeonju|Cheonan|Namyangju|Hwaseong|Anyang|Gimhae|Pohang|Jeju",
        ["Taiwan"] = "Taipei|New Taipei|Taichung|Kaohsiung|Taoyuan|Tainan|Hsinchu|Keelung|Chiayi|Changhua|Pingtung|Yilan|Hualien|Taitung|"
            + "Miaoli|Nantou|Douliu",
        ["Indonesia"] = "Jakarta|Surabaya|Bekasi|Bandung|Medan|Depok|Tangerang|Palembang|Semarang|Makassar|South Tangerang|Batam|Bogor|"
            + "Pekanbaru|Bandar Lampung|Padang|Malang|Denpasar|Samarinda|Banjarmasin|Yogyakarta|Balikpapan|Pontianak|Manado",
        ["Saudi Arabia"] = "Riyadh|Jeddah|Mecca|Medina|Dammam|Ta'if|Tabuk|Buraidah|Khamis Mushait|Al Hofuf|Jubail|Hail|Najran|Abha|Yanbu|"
            + "Khobar|Dhahran|Jazan",
        ["Argentina"] = "Buenos Aires|Córdoba|Rosario|Mendoza|San Miguel de Tucumán|La Plata|Mar del Plata|Salta|Santa Fe|San Juan|"
            + "Resistencia|Neuquén|Santiago del Estero|Corrientes|Posadas|Bahía Blanca|Paraná|Formosa|San Salvador de Jujuy|San Luis|"
            + "La Rioja|Río Cuarto|Comodoro Rivadavia|San Carlos de Bariloche|Ushuaia",
        ["Thailand"] = "Bangkok|Nonthaburi|Nakhon Ratchasima|Chiang Mai|Hat Yai|Udon Thani|Pak Kret|Khon Kaen|Ubon Ratchathani|"
            + "Nakhon Si Thammarat|Pattaya|Phuket|Surat Thani|Rayong|Chiang Rai|Songkhla|Phitsanulok|Lampang|Hua Hin",
        ["Israel"] = "Jerusalem|Tel Aviv|Haifa|Rishon LeZion|Petah Tikva|Ashdod|Netanya|Beersheba|Holon|Bnei Brak|Ramat Gan|Rehovot|"
            + "Ashkelon|Bat Yam|Herzliya|Kfar Saba|Hadera|Modi'in|Nazareth|Ra'anana|Eilat",
        // A city-state: its one city.
        ["Singapore"] = "Singapore",
        ["United Arab Emirates"] = "Dubai|Abu Dhabi|Sharjah|Al Ain|Ajman|Ras Al Khaimah|Fujairah|Umm Al Quwain|Khor Fakkan|Kalba|Ruwais",
        ["Philippines"] = "Quezon City|Manila|Davao City|Caloocan|Cebu City|Zamboanga City|Taguig|Antipolo|Pasig|Cagayan de Oro|Parañaque|"
            + "Valenzuela|Las Piñas|General Santos|Makati|Bacolod|Muntinlupa|Iloilo City|Marikina|Baguio",
        ["Vietnam"] = "Ho Chi Minh City|Hanoi|Haiphong|Da Nang|Can Tho|Bien Hoa|Hue|Nha Trang|Vung Tau|Buon Ma Thuot|Quy Nhon|Thu Dau Mot|"
            + "Long Xuyen|Nam Dinh|Vinh|Thai Nguyen|Rach Gia|Ha Long|Da Lat|My Tho",
        ["Malaysia"] = "Kuala Lumpur|Kajang|Seberang Perai|Subang Jaya|Klang|Johor Bahru|Shah Alam|George Town|Petaling Jaya|Selayang|Ipoh|"
            + "Seremban|Iskandar Puteri|Kuching|Kota Kinabalu|Malacca City|Alor Setar|Kuantan|Kuala Terengganu|Kota Bharu|Sandakan|Miri|Putrajaya",
        ["South Africa"] = "Johannesburg|Cape Town|Durban|Pretoria|Port Elizabeth|Soweto|Pietermaritzburg|Bloemfontein|East London|Benoni|"
            + "Tembisa|Vereeniging|Polokwane|Boksburg|Welkom|Kimberley|Rustenburg|Mbombela|George|Stellenbosch|Paarl|Centurion|Midrand|Sandton",
        ["Colombia"] = "Bogotá|Medellín|Cali|Barranquilla|Cartagena|Cúcuta|Soacha|Soledad|Bucaramanga|Villavicencio|Ibagué|Santa Marta|"
            + "Valledupar|Bello|Pereira|Montería|Pasto|Manizales|Neiva|Palmira|Armenia|Popayán|Sincelejo",
        ["Chile"] = "Santiago|Puente Alto|Antofagasta|Viña del Mar|Valparaíso|Talcahuano|San Bernardo|Temuco|Iquique|Concepción|Rancagua|"
            + "La Pintana|Talca|Arica|Coquimbo|Puerto Montt|La Serena|Chillán|Calama|Osorno|Valdivia|Punta Arenas|Quilpué|Copiapó",
        ["New Zealand"] = "Auckland|Christchurch|Wellington|Hamilton|Tauranga|Lower Hutt|Dunedin|Palmerston North|Napier|Porirua|"
            + "New Plymouth|Rotorua|Whangarei|Nelson|Hastings|Invercargill|Upper Hutt|Whanganui|Gisborne|Blenheim|Timaru",
        ["Venezuela"] = "Caracas|Maracaibo|Valencia|Barquisimeto|Maracay|Ciudad Guayana|Barcelona|Maturín|Puerto la Cruz|Petare|Turmero|"
            + "Ciudad Bolívar|Mérida|San Cristóbal|Cumaná|Barinas|Cabimas|Los Teques",
        ["Peru"] = "Lima|Arequipa|Trujillo|Chiclayo|Piura|Iquitos|Cusco|Chimbote|Huancayo|Tacna|Juliaca|Ica|Sullana|Ayacucho|Cajamarca|"
            + "Pucallpa|Puno",
        ["Luxembourg"] = "Luxembourg|Esch-sur-Alzette|Differdange|Dudelange|Ettelbruck|Diekirch|Wiltz|Echternach|Rumelange|Grevenmacher|"
            + "Remich|Vianden",
        ["Iceland"] = "Reykjavík|Kópavogur|Hafnarfjörður|Reykjanesbær|Akureyri|Garðabær|Mosfellsbær|Selfoss|Akranes|Ísafjörður|Egilsstaðir",
        ["Egypt"] = "Cairo|Alexandria|Giza|Shubra El Kheima|Port Said|Suez|Luxor|Mansoura|El Mahalla El Kubra|Tanta|Asyut|Ismailia|Faiyum|"
            + "Zagazig|Aswan|Damietta|Hurghada|Minya",
        ["Nigeria"] = "Lagos|Kano|Ibadan|Abuja|Port Harcourt|Benin City|Kaduna|Maiduguri|Zaria|Aba|Jos|Ilorin|Oyo|Enugu|Abeokuta|Onitsha|"
            + "Warri|Sokoto|Calabar|Uyo",
        ["Pakistan"] = "Karachi|Lahore|Faisalabad|Rawalpindi|Gujranwala|Peshawar|Multan|Hyderabad|Islamabad|Quetta|Bahawalpur|Sargodha|"
            + "Sialkot|Sukkur|Larkana|Sheikhupura|Abbottabad|Mardan",
        ["Bangladesh"] = "Dhaka|Chittagong|Khulna|Rajshahi|Sylhet|Barisal|Rangpur|Comilla|Narayanganj|Gazipur|Mymensingh|Bogra|Jessore|"
            + "Cox's Bazar",
        ["Ukraine"] = "Kyiv|Kharkiv|Odesa|Dnipro|Donetsk|Zaporizhzhia|Lviv|Kryvyi Rih|Mykolaiv|Mariupol|Luhansk|Vinnytsia|Kherson|Poltava|"
            + "Chernihiv|Cherkasy|Sumy|Zhytomyr|Ivano-Frankivsk|Ternopil|Lutsk|Uzhhorod",
        ["Romania"] = "Bucharest|Cluj-Napoca|Timișoara|Iași|Constanța|Craiova|Brașov|Galați|Ploiești|Oradea|Brăila|Arad|Pitești|Sibiu|Bacău|"
            + "Târgu Mureș|Baia Mare|Buzău|Suceava|Satu Mare",
        ["Croatia"] = "Zagreb|Split|Rijeka|Osijek|Zadar|Velika Gorica|Slavonski Brod|Pula|Karlovac|Sisak|Varaždin|Šibenik|Dubrovnik|"
            + "Bjelovar|Koprivnica",
        ["Slovakia"] = "Bratislava|Košice|Prešov|Žilina|Nitra|Banská Bystrica|Trnava|Trenčín|Martin|Poprad|Prievidza|Zvolen|"
            + "Považská Bystrica|Michalovce|Nové Zámky",
        ["Slovenia"] = "Ljubljana|Maribor|Celje|Kranj|Koper|Velenje|Novo Mesto|Ptuj|Trbovlje|Kamnik|Jesenice|Nova Gorica|Domžale|Murska Sobota",
        ["Bulgaria"] = "Sofia|Plovdiv|Varna|Burgas|Ruse|Stara Zagora|Pleven|Sliven|Dobrich|Shumen|Pernik|Haskovo|Yambol|Pazardzhik|"
            + "Blagoevgrad|Veliko Tarnovo",
        ["Serbia"] = "Belgrade|Novi Sad|Niš|Kragujevac|Subotica|Zrenjanin|Pančevo|Čačak|Novi Pazar|Kraljevo|Smederevo|Leskovac|Valjevo|"
            + "Kruševac|Vranje|Šabac",
        ["Estonia"] = "Tallinn|Tartu|Narva|Pärnu|Kohtla-Järve|Viljandi|Maardu|Rakvere|Kuressaare|Sillamäe|Võru|Valga|Haapsalu|Jõhvi",
        ["Latvia"] = "Riga|Daugavpils|Liepāja|Jelgava|Jūrmala|Ventspils|Rēzekne|Valmiera|Jēkabpils|Ogre|Tukums|Cēsis|Salaspils",
        ["Lithuania"] = "Vilnius|Kaunas|Klaipėda|Šiauliai|Panevėžys|Alytus|Marijampolė|Mažeikiai|Jonava|Utena|Kėdainiai|Telšiai|Tauragė|"
            + "Ukmergė|Visaginas",
        ["Uruguay"] = "Montevideo|Salto|Ciudad de la Costa|Paysandú|Las Piedras|Rivera|Maldonado|Tacuarembó|Melo|Mercedes|Artigas|Minas|"
            + "San José de Mayo|Durazno|Florida|Punta del Este|Colonia del Sacramento",
        ["Ecuador"] = "Guayaquil|Quito|Cuenca|Santo Domingo|Machala|Durán|Manta|Portoviejo|Loja|Ambato|Esmeraldas|Quevedo|Riobamba|Milagro|"
            + "Ibarra|Latacunga",
        ["Morocco"] = "Casablanca|Fez|Tangier|Marrakesh|Salé|Meknes|Rabat|Oujda|Kenitra|Agadir|Tetouan|Temara|Safi|Mohammedia|Khouribga|"
            + "El Jadida|Beni Mellal|Nador",
        ["Kenya"] = "Nairobi|Mombasa|Kisumu|Nakuru|Eldoret|Ruiru|Kikuyu|Thika|Malindi|Kitale|Garissa|Kakamega|Nyeri|Machakos|Meru|Naivasha|Lamu",
    };

    /// <summary>
    /// By country, its first-level regions as "CODE=Name|...": the codes its addresses abbreviate them by, and their
    /// names in English where English has its own (Bavaria, Quebec). The United States' come from <see cref="NameFallback"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Regions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Canada"] = "AB=Alberta|BC=British Columbia|MB=Manitoba|NB=New Brunswick|NL=Newfoundland and Labrador|NS=Nova Scotia|"
            + "NT=Northwest Territories|NU=Nunavut|ON=Ontario|PE=Prince Edward Island|QC=Quebec|SK=Saskatchewan|YT=Yukon",
        ["Brazil"] = "AC=Acre|AL=Alagoas|AP=Amapá|AM=Amazonas|BA=Bahia|CE=Ceará|DF=Distrito Federal|ES=Espírito Santo|GO=Goiás|"
            + "MA=Maranhão|MT=Mato Grosso|MS=Mato Grosso do Sul|MG=Minas Gerais|PA=Pará|PB=Paraíba|PR=Paraná|PE=Pernambuco|PI=Piauí|"
            + "RJ=Rio de Janeiro|RN=Rio Grande do Norte|RS=Rio Grande do Sul|RO=Rondônia|RR=Roraima|SC=Santa Catarina|SP=São Paulo|"
            + "SE=Sergipe|TO=Tocantins",
        ["Australia"] = "ACT=Australian Capital Territory|NSW=New South Wales|NT=Northern Territory|QLD=Queensland|SA=South Australia|"
            + "TAS=Tasmania|VIC=Victoria|WA=Western Australia",
        ["Mexico"] = "AGS=Aguascalientes|BC=Baja California|BCS=Baja California Sur|CAM=Campeche|CHIS=Chiapas|CHIH=Chihuahua|"
            + "CDMX=Ciudad de México|COAH=Coahuila|COL=Colima|DGO=Durango|GTO=Guanajuato|GRO=Guerrero|HGO=Hidalgo|JAL=Jalisco|"
            + "MEX=Estado de México|MICH=Michoacán|MOR=Morelos|NAY=Nayarit|NL=Nuevo León|OAX=Oaxaca|PUE=Puebla|QRO=Querétaro|"
            + "QROO=Quintana Roo|SLP=San Luis Potosí|SIN=Sinaloa|SON=Sonora|TAB=Tabasco|TAMPS=Tamaulipas|TLAX=Tlaxcala|VER=Veracruz|"
            + "YUC=Yucatán|ZAC=Zacatecas",
        ["India"] = "AP=Andhra Pradesh|AS=Assam|BR=Bihar|CG=Chhattisgarh|CH=Chandigarh|DL=Delhi|GA=Goa|GJ=Gujarat|HR=Haryana|"
            + "JH=Jharkhand|JK=Jammu and Kashmir|KA=Karnataka|KL=Kerala|MH=Maharashtra|MP=Madhya Pradesh|OD=Odisha|PB=Punjab|RJ=Rajasthan|"
            + "TG=Telangana|TN=Tamil Nadu|UK=Uttarakhand|UP=Uttar Pradesh|WB=West Bengal",
        ["Germany"] = "BB=Brandenburg|BE=Berlin|BW=Baden-Württemberg|BY=Bavaria|HB=Bremen|HE=Hesse|HH=Hamburg|MV=Mecklenburg-Vorpommern|"
            + "NI=Lower Saxony|NW=North Rhine-Westphalia|RP=Rhineland-Palatinate|SH=Schleswig-Holstein|SL=Saarland|SN=Saxony|"
            + "ST=Saxony-Anhalt|TH=Thuringia",
    };
}
