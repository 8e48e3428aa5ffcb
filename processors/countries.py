"""Country names, aliases, demonyms and capitals: the gazetteer behind canonical names.

Each ``_TABLE`` line is ``Country: alias, alias | demonym, demonym | capital, capital``.
Demonyms double as adjectives ("Russian troops") and nouns ("the Russians").
Capitals (with seats of government and a few state organs: the Kremlin, the Pentagon, the IDF,
the IRGC, KCNA, security services such as the FSB and the SBU) are listed so that one used as a
speaker ("Moscow said", "the IDF said") can be mapped to its country's side; as a place, a
capital keeps its own name.
"""

from __future__ import annotations

_TABLE = """
Afghanistan: | Afghan, Afghans, Afghani | Kabul
Albania: | Albanian, Albanians | Tirana
Algeria: | Algerian, Algerians | Algiers
Andorra: | Andorran | 
Angola: | Angolan, Angolans | Luanda
Argentina: | Argentine, Argentinian, Argentines, Argentinians | Buenos Aires
Armenia: | Armenian, Armenians | Yerevan
Australia: | Australian, Australians, Aussie | Canberra
Austria: | Austrian, Austrians | Vienna
Azerbaijan: | Azerbaijani, Azeri, Azerbaijanis, Azeris | Baku
Bahamas: | Bahamian, Bahamians | Nassau
Bahrain: | Bahraini, Bahrainis | Manama
Bangladesh: | Bangladeshi, Bangladeshis | Dhaka
Barbados: | Barbadian | Bridgetown
Belarus: | Belarusian, Belarussian, Belarusians | Minsk
Belgium: | Belgian, Belgians | Brussels
Belize: | Belizean | Belmopan
Benin: | Beninese | Porto-Novo
Bhutan: | Bhutanese | Thimphu
Bolivia: | Bolivian, Bolivians | La Paz
Bosnia and Herzegovina: Bosnia | Bosnian, Bosnians | Sarajevo
Botswana: | Botswanan, Motswana | Gaborone
Brazil: | Brazilian, Brazilians | Brasilia
Brunei: | Bruneian | 
Bulgaria: | Bulgarian, Bulgarians | Sofia
Burkina Faso: | Burkinabe | Ouagadougou
Burundi: | Burundian | Gitega
Cambodia: | Cambodian, Cambodians | Phnom Penh
Cameroon: | Cameroonian, Cameroonians | Yaounde
Canada: | Canadian, Canadians | Ottawa
Cape Verde: Cabo Verde | Cape Verdean | Praia
Central African Republic: CAR | Central African | Bangui
Chad: | Chadian, Chadians | N'Djamena
Chile: | Chilean, Chileans | Santiago
China: People's Republic of China, PRC, mainland China | Chinese | Beijing, Zhongnanhai
Colombia: | Colombian, Colombians | Bogota
Comoros: | Comorian | Moroni
Congo: Republic of the Congo, Congo-Brazzaville | Congolese | Brazzaville
Democratic Republic of the Congo: DRC, DR Congo, Congo-Kinshasa | | Kinshasa
Costa Rica: | Costa Rican, Costa Ricans | San Jose
Croatia: | Croatian, Croat, Croatians, Croats | Zagreb
Cuba: | Cuban, Cubans | Havana
Cyprus: | Cypriot, Cypriots | Nicosia
Czech Republic: Czechia | Czech, Czechs | Prague
Denmark: | Danish, Dane, Danes | Copenhagen
Djibouti: | Djiboutian | 
Dominican Republic: | Dominican, Dominicans | Santo Domingo
Ecuador: | Ecuadorian, Ecuadorean, Ecuadorians | Quito
Egypt: | Egyptian, Egyptians | Cairo
El Salvador: | Salvadoran, Salvadoreans, Salvadorans | San Salvador
Equatorial Guinea: | Equatoguinean | Malabo
Eritrea: | Eritrean, Eritreans | Asmara
Estonia: | Estonian, Estonians | Tallinn
Eswatini: Swaziland | Swazi | Mbabane
Ethiopia: | Ethiopian, Ethiopians | Addis Ababa
Fiji: | Fijian, Fijians | Suva
Finland: | Finnish, Finn, Finns | Helsinki
France: | French, Frenchman, Frenchmen | Paris, Elysee, Élysée, Elysee Palace, Élysée Palace
Gabon: | Gabonese | Libreville
Gambia: The Gambia | Gambian, Gambians | Banjul
Georgia: | Georgian, Georgians | Tbilisi
Germany: | German, Germans | Berlin
Ghana: | Ghanaian, Ghanaians | Accra
Greece: | Greek, Greeks | Athens
Guatemala: | Guatemalan, Guatemalans | Guatemala City
Guinea: | Guinean, Guineans | Conakry
Guinea-Bissau: | Bissau-Guinean | Bissau
Guyana: | Guyanese | Georgetown
Haiti: | Haitian, Haitians | Port-au-Prince
Honduras: | Honduran, Hondurans | Tegucigalpa
Hungary: | Hungarian, Hungarians | Budapest
Iceland: | Icelandic, Icelander, Icelanders | Reykjavik
India: | Indian, Indians | New Delhi
Indonesia: | Indonesian, Indonesians | Jakarta
Iran: Islamic Republic of Iran | Iranian, Iranians, Persian | Tehran, IRGC, Revolutionary Guards, Revolutionary Guard Corps, Islamic Revolutionary Guard Corps
Iraq: | Iraqi, Iraqis | Baghdad
Ireland: Republic of Ireland | Irish | Dublin
Israel: | Israeli, Israelis | Jerusalem, Tel Aviv, IDF, Israel Defense Forces, Israel Defence Forces, Mossad, Shin Bet
Italy: | Italian, Italians | Rome
Ivory Coast: Cote d'Ivoire, Côte d'Ivoire | Ivorian, Ivorians | Yamoussoukro, Abidjan
Jamaica: | Jamaican, Jamaicans | Kingston
Japan: | Japanese | Tokyo
Jordan: | Jordanian, Jordanians | Amman
Kazakhstan: | Kazakh, Kazakhstani, Kazakhs | Astana
Kenya: | Kenyan, Kenyans | Nairobi
Kosovo: | Kosovar, Kosovan, Kosovars | Pristina
Kuwait: | Kuwaiti, Kuwaitis | Kuwait City
Kyrgyzstan: | Kyrgyz, Kyrgyzstani | Bishkek
Laos: | Lao, Laotian, Laotians | Vientiane
Latvia: | Latvian, Latvians | Riga
Lebanon: | Lebanese | Beirut
Lesotho: | Basotho, Mosotho | Maseru
Liberia: | Liberian, Liberians | Monrovia
Libya: | Libyan, Libyans | Tripoli
Liechtenstein: | Liechtensteiner | Vaduz
Lithuania: | Lithuanian, Lithuanians | Vilnius
Luxembourg: | Luxembourgish, Luxembourger | 
Madagascar: | Malagasy | Antananarivo
Malawi: | Malawian, Malawians | Lilongwe
Malaysia: | Malaysian, Malaysians | Kuala Lumpur
Maldives: | Maldivian, Maldivians | Male
Mali: | Malian, Malians | Bamako
Malta: | Maltese | Valletta
Mauritania: | Mauritanian, Mauritanians | Nouakchott
Mauritius: | Mauritian, Mauritians | Port Louis
Mexico: | Mexican, Mexicans | Mexico City
Moldova: | Moldovan, Moldovans | Chisinau
Monaco: | Monegasque | 
Mongolia: | Mongolian, Mongolians | Ulaanbaatar
Montenegro: | Montenegrin, Montenegrins | Podgorica
Morocco: | Moroccan, Moroccans | Rabat
Mozambique: | Mozambican, Mozambicans | Maputo
Myanmar: Burma | Burmese, Myanmarese | Naypyidaw
Namibia: | Namibian, Namibians | Windhoek
Nepal: | Nepali, Nepalese | Kathmandu
Netherlands: Holland | Dutch, Dutchman | Amsterdam, The Hague
New Zealand: | New Zealander, New Zealanders, Kiwi | Wellington
Nicaragua: | Nicaraguan, Nicaraguans | Managua
Niger: | Nigerien, Nigeriens | Niamey
Nigeria: | Nigerian, Nigerians | Abuja
North Korea: DPRK, Democratic People's Republic of Korea | North Korean, North Koreans | Pyongyang, KCNA
North Macedonia: Macedonia | Macedonian, Macedonians | Skopje
Norway: | Norwegian, Norwegians | Oslo
Oman: | Omani, Omanis | Muscat
Pakistan: | Pakistani, Pakistanis | Islamabad
Palestine: Palestinian territories, State of Palestine | Palestinian, Palestinians | Ramallah
Panama: | Panamanian, Panamanians | Panama City
Papua New Guinea: PNG | Papua New Guinean | Port Moresby
Paraguay: | Paraguayan, Paraguayans | Asuncion
Peru: | Peruvian, Peruvians | Lima
Philippines: | Filipino, Philippine, Filipinos, Filipina | Manila
Poland: | Polish, Pole, Poles | Warsaw
Portugal: | Portuguese | Lisbon
Qatar: | Qatari, Qataris | Doha
Romania: | Romanian, Romanians | Bucharest
Russia: Russian Federation | Russian, Russians | Moscow, Kremlin, Kremlin Palace, FSB, SVR, GRU
Rwanda: | Rwandan, Rwandans | Kigali
Saudi Arabia: | Saudi, Saudis, Saudi Arabian | Riyadh
Senegal: | Senegalese | Dakar
Serbia: | Serbian, Serb, Serbians, Serbs | Belgrade
Sierra Leone: | Sierra Leonean | Freetown
Singapore: | Singaporean, Singaporeans | 
Slovakia: | Slovak, Slovakian, Slovaks | Bratislava
Slovenia: | Slovenian, Slovene, Slovenians | Ljubljana
Somalia: | Somali, Somalian, Somalis | Mogadishu
South Africa: | South African, South Africans | Pretoria
South Korea: Republic of Korea, ROK | South Korean, South Koreans | Seoul
South Sudan: | South Sudanese | Juba
Spain: | Spanish, Spaniard, Spaniards | Madrid
Sri Lanka: | Sri Lankan, Sri Lankans | Colombo
Sudan: | Sudanese | Khartoum
Suriname: | Surinamese | Paramaribo
Sweden: | Swedish, Swede, Swedes | Stockholm
Switzerland: | Swiss | Bern
Syria: | Syrian, Syrians | Damascus
Taiwan: Republic of China, ROC | Taiwanese | Taipei
Tajikistan: | Tajik, Tajikistani, Tajiks | Dushanbe
Tanzania: | Tanzanian, Tanzanians | Dodoma
Thailand: | Thai, Thais | Bangkok
Togo: | Togolese | Lome
Trinidad and Tobago: | Trinidadian | Port of Spain
Tunisia: | Tunisian, Tunisians | Tunis
Turkey: Turkiye, Türkiye | Turkish, Turk, Turks | Ankara
Turkmenistan: | Turkmen | Ashgabat
Uganda: | Ugandan, Ugandans | Kampala
Ukraine: the Ukraine | Ukrainian, Ukrainians | Kyiv, Kiev, SBU
United Arab Emirates: UAE, U.A.E., Emirates | Emirati, Emiratis | Abu Dhabi
United Kingdom: UK, U.K., Britain, Great Britain | British, Briton, Britons, Brit, Brits | London, Downing Street, Whitehall
United States: US, U.S., USA, U.S.A., America, United States of America | American, Americans | Washington, White House, Pentagon, State Department
Uruguay: | Uruguayan, Uruguayans | Montevideo
Uzbekistan: | Uzbek, Uzbekistani, Uzbeks | Tashkent
Vatican City: Vatican, Holy See | | 
Venezuela: | Venezuelan, Venezuelans | Caracas
Vietnam: Viet Nam | Vietnamese | Hanoi
Yemen: | Yemeni, Yemenis | Sanaa
Zambia: | Zambian, Zambians | Lusaka
Zimbabwe: | Zimbabwean, Zimbabweans | Harare
England: | English, Englishman | 
Scotland: | Scottish, Scot, Scots | Edinburgh
Wales: | Welsh | Cardiff
Northern Ireland: | Northern Irish | Belfast
European Union: EU, E.U. | European | Brussels
"""


def _parse() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        country, rest = line.split(":", 1)
        aliases, demos, caps = (part.strip() for part in rest.split("|"))
        names[country.lower()] = country
        for alias in filter(None, (a.strip() for a in aliases.split(","))):
            names[alias.lower()] = country
        for demonym in filter(None, (d.strip() for d in demos.split(","))):
            demonyms.setdefault(demonym.lower(), country)
        for capital in filter(None, (c.strip() for c in caps.split(","))):
            capitals.setdefault(capital.lower(), country)
    return names, demonyms, capitals


# Lowercased keys → canonical country name: names and aliases, demonyms/adjectives, and
# capitals or seats of government (the country such a place speaks for).
COUNTRY_NAMES, DEMONYMS, CAPITALS = _parse()

#: Places outlets spell differently (transliterations, old and new names): ``Name: spelling, ...``.
_SPELLINGS = """
Kyiv: Kiev
Kharkiv: Kharkov
Odesa: Odessa
Luhansk: Lugansk
Mykolaiv: Nikolaev, Nikolayev, Mykolayiv
Zaporizhzhia: Zaporizhia, Zaporozhye, Zaporizhzhya, Zaporozhzhia
Dnipro: Dnepr, Dnipropetrovsk
Lviv: Lvov
Chernihiv: Chernigov
Vinnytsia: Vinnitsa
Bakhmut: Artemovsk, Artemivsk
Kupiansk: Kupyansk
Vovchansk: Volchansk
Avdiivka: Avdeyevka, Avdeevka
Sloviansk: Slavyansk
Sievierodonetsk: Severodonetsk
Lysychansk: Lisichansk
Toretsk: Dzerzhinsk
Chasiv Yar: Chasov Yar
Kobani: Kobane
Khan Younis: Khan Yunis
Deir ez-Zor: Deir al-Zor, Deir Ezzor, Deir el-Zour, Deir ez-Zour
Sanaa: Sana'a
Beijing: Peking
Mumbai: Bombay
Kolkata: Calcutta
Yangon: Rangoon
"""
#: Lowercased spelling → the name keys and alerts use.
PLACE_SPELLINGS = {spelling.strip().lower(): name
                   for line in _SPELLINGS.strip().splitlines()
                   for name, spellings in [line.split(":", 1)]
                   for spelling in [name, *spellings.split(",")]}
