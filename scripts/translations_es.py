"""Spanish translations, applied to the catalog by `make messages`.

Kept as data beside the catalog so a translator can review every string in one place;
`scripts/apply-translations` writes them into puentes/locale/es/LC_MESSAGES/django.po.
"""

ES = {
    "Your role does not allow this.": "Su función no le permite hacer esto.",
    "This field is required.": "Este campo es obligatorio.",
    "Please correct the fields shown.": "Corrija los campos señalados.",
    "Sign in, or send an API key as 'Authorization: Bearer <key>'.": "Inicie sesión o envíe una clave de API como 'Authorization: Bearer <clave>'.",
    "Not found.": "No se encontró.",
    "The request body is not valid JSON.": "El cuerpo de la solicitud no es JSON válido.",
    "Malformed request body.": "Cuerpo de la solicitud mal formado.",
    "The version you are editing is required.": "Se necesita la versión que está editando.",
    "Someone else changed this record while you were editing it (you had version %(yours)s, it is now %(current)s). Reload it and apply your change again.": "Otra persona cambió este registro mientras usted lo editaba (usted tenía la versión %(yours)s, ahora es la %(current)s). Vuelva a cargarlo y aplique su cambio de nuevo.",
    "Stale version.": "Versión desactualizada.",
    "English": "Inglés",
    "Spanish": "Español",
    "Chinese": "Chino",
    "Cantonese": "Cantonés",
    "Mandarin": "Mandarín",
    "Vietnamese": "Vietnamita",
    "Tagalog": "Tagalo",
    "Korean": "Coreano",
    "Arabic": "Árabe",
    "Russian": "Ruso",
    "Ukrainian": "Ucraniano",
    "Persian (Farsi)": "Persa (farsi)",
    "Dari": "Darí",
    "Pashto": "Pastún",
    "Armenian": "Armenio",
    "Khmer": "Jemer",
    "Lao": "Lao",
    "Hmong": "Hmong",
    "Thai": "Tailandés",
    "Burmese": "Birmano",
    "Nepali": "Nepalí",
    "Hindi": "Hindi",
    "Punjabi": "Panyabí",
    "Urdu": "Urdu",
    "Bengali": "Bengalí",
    "Japanese": "Japonés",
    "Portuguese": "Portugués",
    "French": "Francés",
    "Haitian Creole": "Criollo haitiano",
    "Somali": "Somalí",
    "Amharic": "Amárico",
    "Tigrinya": "Tigriña",
    "Swahili": "Suajili",
    "Polish": "Polaco",
    "German": "Alemán",
    "Italian": "Italiano",
    "Samoan": "Samoano",
    "Tongan": "Tongano",
    "Marshallese": "Marshalés",
    "Chuukese": "Chuukés",
    "Ilocano": "Ilocano",
    "Mixtec": "Mixteco",
    "Zapotec": "Zapoteco",
    "Triqui": "Triqui",
    "Yucatec Maya": "Maya yucateco",
    "K'iche'": "K'iche'",
    "Mam": "Mam",
    "Navajo": "Navajo",
    "American Sign Language": "Lengua de señas americana",
    "action": "acción",
    "Community health worker": "Trabajador(a) comunitario(a) de salud",
    "Supervisor": "Supervisor(a)",
    "Billing": "Facturación",
    "Community organization staff": "Personal de organización comunitaria",
    "Analyst": "Analista",
    "Organization administrator": "Administrador(a) de la organización",
    "API key (read only)": "Clave de API (solo lectura)",
    "API key (read and write)": "Clave de API (lectura y escritura)",
    "See the organization and its members": "Ver la organización y sus miembros",
    "Edit the organization's profile": "Editar el perfil de la organización",
    "Invite, change and deactivate members": "Invitar, cambiar y desactivar miembros",
    "Create and revoke API keys": "Crear y revocar claves de API",
    "Read the audit log": "Leer el registro de auditoría",
    "See people and their records": "Ver a las personas y sus expedientes",
    "Register people": "Registrar personas",
    "Edit people": "Editar personas",
    "Merge duplicate people": "Combinar personas duplicadas",
    "Manage households": "Administrar hogares",
    "Manage identifiers (Medicaid ID, MBI, MRN)": "Administrar identificadores (ID de Medicaid, MBI, número de expediente)",
    "Record and revoke consent to share": "Registrar y revocar el consentimiento para compartir",
    "Assign workers to people": "Asignar trabajadores a personas",
    "Unknown fields.": "Campos desconocidos.",
    "This field cannot be set here.": "Este campo no se puede fijar aquí.",
    "An NPI is exactly 10 digits.": "Un NPI tiene exactamente 10 dígitos.",
    "This NPI's check digit is wrong.": "El dígito de control de este NPI es incorrecto.",
    "A tax id (EIN) is 9 digits with a valid prefix, e.g. 12-3456789.": "Un número de identificación fiscal (EIN) tiene 9 dígitos con un prefijo válido, p. ej. 12-3456789.",
    "%(value)s is not a US state code.": "%(value)s no es un código de estado de EE. UU.",
    "A ZIP code is 5 digits (or ZIP+4, 12345-6789).": "Un código postal tiene 5 dígitos (o ZIP+4, 12345-6789).",
    "%(value)s is not a known US ZIP code.": "%(value)s no es un código postal conocido de EE. UU.",
    "A Medicare MBI has 11 characters in the pattern 1EG4-TE5-MK73.": "Un MBI de Medicare tiene 11 caracteres con el formato 1EG4-TE5-MK73.",
    "A Medicaid ID is 5 to 20 letters and digits.": "Un ID de Medicaid tiene de 5 a 20 letras y dígitos.",
    "Enter a valid phone number.": "Escriba un número de teléfono válido.",
    "%(value)s is not a language we know.": "%(value)s no es un idioma que conozcamos.",
    "Give a list of language codes.": "Indique una lista de códigos de idioma.",
    "%(value)s is not a time zone.": "%(value)s no es una zona horaria.",
    "Languages served": "Idiomas atendidos",
    "E-mail": "Correo electrónico",
    "Role": "Función",
    "Worker type": "Tipo de trabajador(a)",
    "(not a frontline worker)": "(no trabaja en primera línea)",
    "What is it for?": "¿Para qué es?",
    "Scope": "Alcance",
    "Action starts with": "La acción empieza por",
    "From": "Desde",
    "To": "Hasta",
    "language": "idioma",
    "Community health center": "Centro de salud comunitario",
    "Clinic": "Clínica",
    "Hospital": "Hospital",
    "Community-based organization": "Organización comunitaria",
    "Health plan": "Plan de salud",
    "Public agency": "Agencia pública",
    "Other": "Otro",
    "name": "nombre",
    "kind": "tipo",
    "NPI": "NPI",
    "tax id (EIN)": "número de identificación fiscal (EIN)",
    "address": "dirección",
    "address line 2": "dirección (línea 2)",
    "city": "ciudad",
    "state": "estado",
    "ZIP code": "código postal",
    "phone": "teléfono",
    "time zone": "zona horaria",
    "languages served": "idiomas atendidos",
    "Promotor(a)": "Promotor(a)",
    "Doula": "Doula",
    "Peer support specialist": "Especialista de apoyo entre pares",
    "Recovery coach": "Acompañante de recuperación",
    "Community health representative": "Representante de salud comunitaria",
    "Patient navigator": "Navegador(a) de pacientes",
    "role": "función",
    "worker type": "tipo de trabajador(a)",
    "active": "activo",
    "e-mail": "correo electrónico",
    "Read only": "Solo lectura",
    "Read and write": "Lectura y escritura",
    "scope": "alcance",
    "Choose a valid role.": "Elija una función válida.",
    "A frontline worker needs a worker type.": "Un(a) trabajador(a) de primera línea necesita un tipo de trabajador(a).",
    "Only frontline roles have a worker type.": "Solo las funciones de primera línea tienen tipo de trabajador(a).",
    "This person is already a member of the organization.": "Esta persona ya es miembro de la organización.",
    "Already a member.": "Ya es miembro.",
    "The organization needs at least one active administrator.": "La organización necesita al menos un(a) administrador(a) activo(a).",
    "Make someone else an administrator first.": "Primero nombre administrador(a) a otra persona.",
    "Only a signed-in administrator can invite.": "Solo un(a) administrador(a) con sesión iniciada puede invitar.",
    "This person is already a member.": "Esta persona ya es miembro.",
    "You are invited to join %(organization)s on Puentes": "Le invitan a unirse a %(organization)s en Puentes",
    "%(inviter)s invited you to join %(organization)s on Puentes.\n\nOpen this link within 14 days to accept:\n%(link)s\n": "%(inviter)s le invitó a unirse a %(organization)s en Puentes.\n\nAbra este enlace en los próximos 14 días para aceptar:\n%(link)s\n",
    "This invitation is not valid any more.": "Esta invitación ya no es válida.",
    "Choose English or Spanish.": "Elija inglés o español.",
    "Only a signed-in administrator can create keys.": "Solo un(a) administrador(a) con sesión iniciada puede crear claves.",
    "Choose read only or read and write.": "Elija solo lectura o lectura y escritura.",
    "API keys": "Claves de API",
    "Your new key": "Su nueva clave",
    "Copy it now: it is shown only once and cannot be recovered.": "Cópiela ahora: se muestra una sola vez y no se puede recuperar.",
    "Name": "Nombre",
    "Last used": "Último uso",
    "Status": "Estado",
    "Revoked": "Revocado",
    "Revoke": "Revocar",
    "No keys yet.": "Todavía no hay claves.",
    "Create a key": "Crear una clave",
    "Create": "Crear",
    "Programs send it as: Authorization: Bearer <key>. See the API documentation at /api/v1/docs.": "Los programas la envían así: Authorization: Bearer <clave>. Consulte la documentación de la API en /api/v1/docs.",
    "Audit log": "Registro de auditoría",
    "Filter": "Filtrar",
    "When": "Cuándo",
    "Who": "Quién",
    "Action": "Acción",
    "Record": "Registro",
    "API key": "Clave de API",
    "Nothing recorded.": "No hay nada registrado.",
    "Pages": "Páginas",
    "Previous": "Anterior",
    "Page %(number)s of %(total)s": "Página %(number)s de %(total)s",
    "Next": "Siguiente",
    "Save": "Guardar",
    "Cancel": "Cancelar",
    "Members": "Miembros",
    "Invite a member": "Invitar a un miembro",
    "Actions": "Acciones",
    "Active": "Activo",
    "Deactivated": "Desactivado",
    "Change role": "Cambiar función",
    "Deactivate": "Desactivar",
    "Reactivate": "Reactivar",
    "Open invitations": "Invitaciones pendientes",
    "until": "hasta",
    "Withdraw": "Retirar",
    "Edit": "Editar",
    "Kind": "Tipo",
    "Tax id (EIN)": "Número de identificación fiscal (EIN)",
    "Address": "Dirección",
    "Phone": "Teléfono",
    "Time zone": "Zona horaria",
    "Your role": "Su función",
    "Changes saved.": "Cambios guardados.",
    "Edit the organization": "Editar la organización",
    "Invitation sent to %(email)s.": "Invitación enviada a %(email)s.",
    "Role of %(name)s": "Función de %(name)s",
    "%(name)s can sign in again.": "%(name)s puede volver a iniciar sesión.",
    "%(name)s is deactivated.": "%(name)s quedó desactivado(a).",
    "Invitation withdrawn.": "Invitación retirada.",
    "The key is revoked; programs using it are refused from now on.": "La clave está revocada; desde ahora se rechazan los programas que la usen.",
    "For a Medicaid ID, the state (e.g. CA). For an MRN, the clinic.": "Para un ID de Medicaid, el estado (p. ej. CA). Para un número de expediente, la clínica.",
    "Organizations": "Organizaciones",
    "Only when sharing with named organizations.": "Solo al compartir con organizaciones nombradas.",
    "Reason": "Motivo",
    "Existing household": "Hogar existente",
    "Or start a new household named": "O cree un hogar nuevo llamado",
    "Relationship": "Parentesco",
    "Choose a household or name a new one.": "Elija un hogar o nombre uno nuevo.",
    "Choose a household or name a new one, not both.": "Elija un hogar o nombre uno nuevo, no ambos.",
    "Worker": "Trabajador(a)",
    "Female": "Femenino",
    "Male": "Masculino",
    "Intersex": "Intersexual",
    "Unknown": "Desconocido",
    "Prefer not to say": "Prefiere no decirlo",
    "Woman": "Mujer",
    "Man": "Hombre",
    "Transgender woman": "Mujer transgénero",
    "Transgender man": "Hombre transgénero",
    "Non-binary": "No binario",
    "Another identity": "Otra identidad",
    "Phone call": "Llamada",
    "Text message": "Mensaje de texto",
    "In person": "En persona",
    "Merged into another record": "Combinado con otro registro",
    "The date of birth cannot be in the future.": "La fecha de nacimiento no puede estar en el futuro.",
    "The date of birth must be after 1900.": "La fecha de nacimiento debe ser posterior a 1900.",
    "legal first name": "nombre legal",
    "legal last name": "apellidos legales",
    "preferred name": "nombre preferido",
    "date of birth": "fecha de nacimiento",
    "sex": "sexo",
    "gender identity": "identidad de género",
    "preferred language": "idioma preferido",
    "needs an interpreter": "necesita intérprete",
    "preferred contact method": "forma de contacto preferida",
    "agrees to phone calls": "acepta llamadas",
    "agrees to text messages": "acepta mensajes de texto",
    "agrees to e-mail": "acepta correo electrónico",
    "agrees to voicemail": "acepta mensajes de voz",
    "notes": "notas",
    "household name": "nombre del hogar",
    "Head of household": "Jefe(a) del hogar",
    "Spouse or partner": "Cónyuge o pareja",
    "Child": "Hijo(a)",
    "Parent": "Madre o padre",
    "Sibling": "Hermano(a)",
    "Grandparent": "Abuelo(a)",
    "Grandchild": "Nieto(a)",
    "Other relative": "Otro familiar",
    "Not related": "Sin parentesco",
    "relationship": "parentesco",
    "Medicaid ID": "ID de Medicaid",
    "Medicare MBI": "MBI de Medicare",
    "Medical record number": "Número de expediente médico",
    "issued by": "emitido por",
    "value": "valor",
    "Another person already has this identifier from this issuer.": "Otra persona ya tiene este identificador de este emisor.",
    "Named organizations": "Organizaciones nombradas",
    "Any partner on the network": "Cualquier socio de la red",
    "Referrals and care coordination": "Referencias y coordinación de la atención",
    "Treatment": "Tratamiento",
    "Payment": "Pago",
    "Program evaluation": "Evaluación del programa",
    "Written (signed form)": "Por escrito (formulario firmado)",
    "Verbal": "Verbal",
    "Electronic": "Electrónico",
    "shared with": "compartido con",
    "organizations": "organizaciones",
    "purpose": "propósito",
    "how it was given": "cómo se otorgó",
    "date given": "fecha en que se otorgó",
    "expires on": "vence el",
    "revoked": "revocado",
    "reason for revoking": "motivo de la revocación",
    "This person may already be registered. Open the existing record, or confirm that this is someone else.": "Es posible que esta persona ya esté registrada. Abra el registro existente o confirme que se trata de otra persona.",
    "Possible duplicate.": "Posible duplicado.",
    "This record was merged into another one; edit that one.": "Este registro se combinó con otro; edite ese.",
    "Choose two different people.": "Elija dos personas distintas.",
    "%(person)s is already in the household %(household)s. Remove them there first.": "%(person)s ya está en el hogar %(household)s. Primero sáquela de ahí.",
    "Already in a household.": "Ya está en un hogar.",
    "This person is not in a household.": "Esta persona no está en ningún hogar.",
    "For a Medicaid ID, the issuer is the state (e.g. CA).": "Para un ID de Medicaid, el emisor es el estado (p. ej. CA).",
    "Choose a valid kind of identifier.": "Elija un tipo de identificador válido.",
    "The expiry date is before the date given.": "La fecha de vencimiento es anterior a la fecha en que se otorgó.",
    "Consent cannot be dated in the future.": "El consentimiento no puede tener fecha futura.",
    "Leave the organizations empty when sharing with the whole network.": "Deje las organizaciones vacías al compartir con toda la red.",
    "Name at least one organization.": "Nombre al menos una organización.",
    "%(id)s is not an organization on the network.": "%(id)s no es una organización de la red.",
    "This consent was already revoked.": "Este consentimiento ya fue revocado.",
    "Say why the consent is revoked.": "Indique por qué se revoca el consentimiento.",
    "This worker is already assigned.": "Este(a) trabajador(a) ya está asignado(a).",
    "Already assigned.": "Ya está asignado(a).",
    "This member is deactivated.": "Este miembro está desactivado.",
    "This worker is not assigned to this person.": "Este(a) trabajador(a) no está asignado(a) a esta persona.",
    "Merge into this record": "Combinar con este registro",
    "None found.": "No se encontró ninguno.",
    "interpreter": "intérprete",
    "Nobody matches this search.": "Nadie coincide con esta búsqueda.",
    "No people yet.": "Todavía no hay personas.",
    "Legal name": "Nombre legal",
    "%(age)s years": "%(age)s años",
    "Profile": "Perfil",
    "Preferred language": "Idioma preferido",
    "Sex": "Sexo",
    "Gender identity": "Identidad de género",
    "Contact": "Contacto",
    "calls": "llamadas",
    "texts": "mensajes de texto",
    "voicemail": "mensajes de voz",
    "no consent to be contacted recorded": "no hay consentimiento de contacto registrado",
    "Notes": "Notas",
    "Household": "Hogar",
    "Remove from the household": "Sacar del hogar",
    "Not in a household.": "No está en ningún hogar.",
    "Add to a household": "Agregar a un hogar",
    "Identifiers": "Identificadores",
    "Remove": "Quitar",
    "No identifiers.": "Sin identificadores.",
    "Add an identifier": "Agregar un identificador",
    "Consent to share": "Consentimiento para compartir",
    "No consent recorded. Nothing is shared with other organizations.": "No hay consentimiento registrado. No se comparte nada con otras organizaciones.",
    "Record consent": "Registrar consentimiento",
    "Assigned workers": "Trabajadores asignados",
    "Unassign": "Quitar asignación",
    "Nobody is assigned.": "No hay nadie asignado.",
    "Assign a worker": "Asignar un(a) trabajador(a)",
    "Merge a duplicate record into this one": "Combinar un registro duplicado con este",
    "Activity": "Actividad",
    "Register a person": "Registrar a una persona",
    "This person may already be registered": "Es posible que esta persona ya esté registrada",
    "Someone born the same day with a similar name is already in your organization:": "Ya hay en su organización alguien nacido el mismo día con un nombre parecido:",
    "Open the existing record, or confirm that this is a different person.": "Abra el registro existente o confirme que se trata de otra persona.",
    "Name and birth": "Nombre y nacimiento",
    "Language": "Idioma",
    "This is a different person: register": "Es otra persona: registrar",
    "Register": "Registrar",
    "Nobody is in this household.": "No hay nadie en este hogar.",
    "People": "Personas",
    "Search people": "Buscar personas",
    "Name, phone or ID": "Nombre, teléfono o ID",
    "Only my caseload": "Solo mis casos",
    "Search": "Buscar",
    "Merge duplicate records": "Combinar registros duplicados",
    "The record of %(name)s is kept. The duplicate's identifiers, consents, household, workers and history move to it, and its blank fields are filled in.": "Se conserva el registro de %(name)s. Los identificadores, consentimientos, hogar, trabajadores e historial del duplicado pasan a él, y se completan sus campos vacíos.",
    "Find the duplicate": "Buscar el duplicado",
    "Likely duplicates": "Posibles duplicados",
    "Search results": "Resultados de la búsqueda",
    "%(name)s is registered.": "%(name)s quedó registrado(a).",
    "This record was merged; showing the record it was merged into.": "Este registro se combinó; se muestra el registro con el que se combinó.",
    "The records are merged.": "Los registros se combinaron.",
    "Identifier added.": "Identificador agregado.",
    "Identifier removed.": "Identificador quitado.",
    "Consent recorded.": "Consentimiento registrado.",
    "Record consent to share": "Registrar el consentimiento para compartir",
    "Consent revoked.": "Consentimiento revocado.",
    "Revoke consent": "Revocar el consentimiento",
    "Household saved.": "Hogar guardado.",
    "Removed from the household.": "Se sacó del hogar.",
    "Worker assigned.": "Trabajador(a) asignado(a).",
    "Worker unassigned.": "Se quitó la asignación.",
    "Not found": "No se encontró",
    "There is nothing here, or it is not yours to see.": "Aquí no hay nada, o no le corresponde verlo.",
    "Back to the start": "Volver al inicio",
    "Skip to content": "Saltar al contenido",
    "Main": "Principal",
    "My people": "Mis personas",
    "Organization": "Organización",
    "Switch": "Cambiar",
    "Sign out": "Salir",
    "Not allowed": "No permitido",
    "Search my people": "Buscar entre mis personas",
    "Join": "Unirse",
    "Join %(organization)s": "Unirse a %(organization)s",
    "You are invited as: %(role)s.": "Le invitan como: %(role)s.",
    "Accept the invitation": "Aceptar la invitación",
    "Invitation": "Invitación",
    "It may have expired, been used, or been withdrawn. Ask for a new one.": "Puede haber vencido, haberse usado o haberse retirado. Pida una nueva.",
    "Too many attempts": "Demasiados intentos",
    "This account is locked for a while after repeated wrong passwords. Try again later, or ask your organization's administrator.": "Esta cuenta queda bloqueada un tiempo tras varias contraseñas incorrectas. Vuelva a intentarlo más tarde o consulte al administrador de su organización.",
    "Sign in": "Iniciar sesión",
    "On a shared device, you are signed out after %(idle_minutes)s idle minutes.": "En un dispositivo compartido, la sesión se cierra tras %(idle_minutes)s minutos de inactividad.",
    "No organization": "Sin organización",
    "Your account is not an active member of any organization. Ask an administrator to invite you.": "Su cuenta no es miembro activo de ninguna organización. Pida a un(a) administrador(a) que le invite.",
    "You are signed out.": "Cerró la sesión.",
    "You are not a member of that organization.": "Usted no es miembro de esa organización.",
    "You are now working in %(organization)s.": "Ahora trabaja en %(organization)s.",
    "First name": "Nombre",
    "Last name": "Apellidos",
    "User name": "Nombre de usuario",
    "Password": "Contraseña",
    "Welcome to %(organization)s.": "Bienvenido(a) a %(organization)s.",
    "registered the person": "registró a la persona",
    "opened the record": "abrió el expediente",
    "edited the record": "editó el expediente",
    "merged a duplicate record into this one": "combinó un registro duplicado con este",
    "merged this record into another": "combinó este registro con otro",
    "created a household": "creó un hogar",
    "renamed a household": "cambió el nombre de un hogar",
    "added to a household": "agregó a un hogar",
    "removed from a household": "sacó de un hogar",
    "added an identifier": "agregó un identificador",
    "removed an identifier": "quitó un identificador",
    "recorded consent to share": "registró el consentimiento para compartir",
    "revoked consent to share": "revocó el consentimiento para compartir",
    "assigned a worker": "asignó a un(a) trabajador(a)",
    "unassigned a worker": "quitó la asignación de un(a) trabajador(a)",
    "edited the organization": "editó la organización",
    "changed a member's role": "cambió la función de un miembro",
    "reactivated a member": "reactivó a un miembro",
    "deactivated a member": "desactivó a un miembro",
    "invited a member": "invitó a un miembro",
    "withdrew an invitation": "retiró una invitación",
    "accepted an invitation": "aceptó una invitación",
    "created an API key": "creó una clave de API",
    "revoked an API key": "revocó una clave de API",
}

ES.update(
    {
        "Screen people for social needs": "Evaluar las necesidades sociales de las personas",
        "Record needs and change their status": "Registrar necesidades y cambiar su estado",
        "Choose the organization's screening instruments": "Elegir los instrumentos de evaluación de la organización",
        "Screening instruments": "Instrumentos de evaluación",
        "Needs": "Necesidades",
        "No needs recorded.": "No hay necesidades registradas.",
        "Start a screening": "Iniciar una evaluación",
        "Record a need": "Registrar una necesidad",
        "Screenings": "Evaluaciones",
        "Continue": "Continuar",
        "Food insecurity": "Inseguridad alimentaria",
        "Housing instability": "Inestabilidad de vivienda",
        "Homelessness": "Falta de vivienda",
        "Inadequate housing": "Vivienda inadecuada",
        "Transportation insecurity": "Inseguridad en el transporte",
        "Utility insecurity": "Inseguridad en los servicios (luz, gas, agua)",
        "Financial insecurity": "Inseguridad financiera",
        "Interpersonal safety": "Seguridad interpersonal",
        "Social connection": "Conexión social",
        "Stress": "Estrés",
        "Employment": "Empleo",
        "Education": "Educación",
        "Health insurance": "Seguro médico",
        "Cost of medical care": "Costo de la atención médica",
        "Health literacy": "Alfabetización en salud",
        "Digital access": "Acceso digital",
        "Digital literacy": "Alfabetización digital",
        "Language access": "Acceso lingüístico",
        "Incarceration": "Encarcelamiento",
        "Material hardship": "Carencias materiales",
        "Veteran status": "Condición de veterano(a)",
        "Elder abuse": "Maltrato a personas mayores",
        "Other social need": "Otra necesidad social",
        "Instrument": "Instrumento",
        "Language of the questions": "Idioma de las preguntas",
        "Domain": "Ámbito",
        "What did you notice?": "¿Qué notó?",
        "Suggested ICD-10-CM Z code (optional)": "Código Z de la CIE-10-MC sugerido (opcional)",
        "New status": "Nuevo estado",
        "Instruments your workers use": "Instrumentos que usa su personal",
        "In progress": "En curso",
        "Completed": "Completada",
        "Positive": "Positivo",
        "Negative": "Negativo",
        "Not determined": "No determinado",
        "Identified": "Identificada",
        "Resolved": "Resuelta",
        "Declined by the person": "Rechazada por la persona",
        "Unable to resolve": "No se pudo resolver",
        "domain": "ámbito",
        "suggested ICD-10-CM code": "código CIE-10-MC sugerido",
        "status": "estado",
        "note": "nota",
        "identified on": "identificada el",
        "%(id)s %(version)s is not a known instrument or version.": "%(id)s %(version)s no es un instrumento o una versión conocida.",
        "Choose at least one instrument.": "Elija al menos un instrumento.",
        "Unknown instruments: %(ids)s": "Instrumentos desconocidos: %(ids)s",
        "Your organization does not use this instrument.": "Su organización no usa este instrumento.",
        "This record was merged into another one; screen that one.": "Este registro se combinó con otro; evalúe ese.",
        "Answers must be an object keyed by question id.": "Las respuestas deben ser un objeto con el id de cada pregunta como clave.",
        "There is no such question in this instrument.": "Este instrumento no tiene esa pregunta.",
        "This screening's instrument version is no longer shipped.": "La versión del instrumento de esta evaluación ya no se incluye.",
        "This screening was already submitted.": "Esta evaluación ya se envió.",
        "Found by screening": "Encontrada en una evaluación",
        "Confirmed by screening": "Confirmada en una evaluación",
        "This idempotency key was already used for another screening.": "Esta clave de idempotencia ya se usó para otra evaluación.",
        "Already used.": "Ya se usó.",
        "Choose a valid domain.": "Elija un ámbito válido.",
        "Keep the note under 2000 characters.": "La nota debe tener menos de 2000 caracteres.",
        "A Z code looks like Z59.41.": "Un código Z tiene la forma Z59.41.",
        "Observed by a worker": "Observada por un(a) trabajador(a)",
        "Choose a valid status.": "Elija un estado válido.",
        "The need already has this status.": "La necesidad ya tiene este estado.",
        "Say why.": "Indique el motivo.",
        "version": "versión",
        "Local instrument: not a validated standard screening tool.": "Instrumento local: no es una herramienta de evaluación estándar validada.",
        "Results": "Resultados",
        "total": "total",
        "Answers": "Respuestas",
        "Identified on": "Identificada el",
        "Suggested ICD-10-CM code": "Código CIE-10-MC sugerido",
        "Source": "Origen",
        "Screening": "Evaluación",
        "Note": "Nota",
        "Change the status": "Cambiar el estado",
        "History": "Historial",
        "Question %(number)s of %(count)s": "Pregunta %(number)s de %(count)s",
        "Answer": "Respuesta",
        "Declined to answer": "Prefirió no responder",
        "Review answers": "Revisar las respuestas",
        "Decline to answer": "Prefiere no responder",
        "Back": "Atrás",
        "Save and finish later": "Guardar y terminar después",
        "Ask the questions in Spanish": "Hacer las preguntas en español",
        "Ask the questions in English": "Hacer las preguntas en inglés",
        "Review the answers": "Revise las respuestas",
        "Change": "Cambiar",
        "Needs this screening finds": "Necesidades que encuentra esta evaluación",
        "No needs found.": "No se encontraron necesidades.",
        "Not determined (unanswered or declined):": "Sin determinar (sin respuesta o rechazadas):",
        "Confirm and save": "Confirmar y guardar",
        "Back to the questions": "Volver a las preguntas",
        "Start": "Comenzar",
        "Choose an answer, or choose “Decline to answer”.": "Elija una respuesta o elija «Prefiere no responder».",
        "The screening is saved. You can finish it later from the person's page.": "La evaluación quedó guardada. Puede terminarla después desde la página de la persona.",
        "Screening saved.": "Evaluación guardada.",
        "Need recorded.": "Necesidad registrada.",
        "Need updated.": "Necesidad actualizada.",
        "screened a person": "evaluó a una persona",
        "started a screening": "inició una evaluación",
        "recorded a need": "registró una necesidad",
        "changed a need's status": "cambió el estado de una necesidad",
        "chose the screening instruments": "eligió los instrumentos de evaluación",
    }
)
ES.update({"opened a screening": "abrió una evaluación", "opened a need": "abrió una necesidad"})

ES.update(
    {
        "Any day": "Cualquier día",
        "Monday": "Lunes",
        "Tuesday": "Martes",
        "Wednesday": "Miércoles",
        "Thursday": "Jueves",
        "Friday": "Viernes",
        "Saturday": "Sábado",
        "Sunday": "Domingo",
        "What help?": "¿Qué ayuda?",
        "Need": "Necesidad",
        "Near ZIP code": "Cerca del código postal",
        "Within": "A menos de",
        "Language spoken": "Idioma que se habla",
        "Free of cost": "Gratis",
        "Open now": "Abierto ahora",
        "Open on": "Abierto el",
        "Age of the person": "Edad de la persona",
        "Any need": "Cualquier necesidad",
        "Any language": "Cualquier idioma",
        "Available": "Disponible",
        "Waitlist": "Lista de espera",
        "No capacity": "Sin cupo",
        "Additional assessment required": "Requiere evaluación adicional",
        "Inactive": "Inactivo",
        "Defunct": "Ya no existe",
        "Temporarily closed": "Cerrado temporalmente",
        "Physical": "Física",
        "Postal": "Postal",
        "Virtual": "Virtual",
        "Coordinates are out of range.": "Las coordenadas están fuera de rango.",
        "Choose a valid need.": "Elija una necesidad válida.",
        "Choose a day of the week.": "Elija un día de la semana.",
        "The radius must be between 0 and 500 km.": "La distancia debe estar entre 0 y 500 km.",
        "The age must be between 0 and 120.": "La edad debe estar entre 0 y 120.",
        "Closed today": "Cerrado hoy",
        "%(counter)s place found": (
            "%(counter)s lugar encontrado",
            "%(counter)s lugares encontrados",
        ),
        "%(km)s km": "%(km)s km",
        "Today": "Hoy",
        "free": "gratis",
        "Verified": "Verificado",
        "Nothing matches. Try fewer words, a wider distance or fewer filters.": "No hay resultados. Pruebe con menos palabras, una distancia mayor o menos filtros.",
        "Find help": "Buscar ayuda",
        "More filters": "Más filtros",
        "Hours": "Horario",
        "Languages": "Idiomas",
        "Who can get it": "Quién puede recibirlo",
        "How to apply": "Cómo solicitarlo",
        "Cost": "Costo",
        "What to bring": "Qué llevar",
        "Website": "Sitio web",
        "Last verified": "Última verificación",
    }
)

ES.update(
    {
        "Give exactly one of code, codes, value or declined.": "Indique solo uno de code, codes, value o declined.",
        "declined must be true.": "declined debe ser true.",
        "%(value)s is not one of this question's answers.": "%(value)s no es una de las respuestas de esta pregunta.",
        "The answer must be a whole number.": "La respuesta debe ser un número entero.",
        "The answer must be between %(low)s and %(high)s.": "La respuesta debe estar entre %(low)s y %(high)s.",
        "This question takes %(kind)s (or declined).": "Esta pregunta lleva %(kind)s (o declined).",
        "Choose at least one answer.": "Elija al menos una respuesta.",
        "An answer is chosen twice.": "Una respuesta está elegida dos veces.",
        "%(value)s cannot be combined with other answers.": "%(value)s no se puede combinar con otras respuestas.",
        "proximity needs a postcode.": "proximity necesita un código postal (postcode).",
        "%(value)s is not a known postcode.": "%(value)s no es un código postal conocido.",
    }
)

ES.update(
    {
        "edited a directory listing": "editó un servicio del directorio",
        "changed a listing's capacity": "cambió la capacidad de un servicio",
        "verified a directory listing": "verificó un servicio del directorio",
        "reported a problem with a listing": "informó de un problema con un servicio",
        "closed a reported problem": "cerró un problema informado",
        "imported directory data": "importó datos del directorio",
        "Directory administrator": "Administrador(a) del directorio",
        "Report a problem with a directory listing": "Informar de un problema con un servicio del directorio",
        "Edit, verify and set the capacity of the organization's own directory listings": "Editar, verificar y fijar la capacidad de los servicios propios de la organización en el directorio",
        "Edit and verify any directory listing, review corrections, import directory data": "Editar y verificar cualquier servicio del directorio, revisar correcciones, importar datos del directorio",
        "Can take people": "Puede recibir personas",
        "Other name": "Otro nombre",
        "Description": "Descripción",
        "Email": "Correo electrónico",
        "Minimum age": "Edad mínima",
        "Maximum age": "Edad máxima",
        "Interpretation": "Interpretación",
        "Wait time": "Tiempo de espera",
        "Alert shown on the listing": "Aviso que se muestra en el servicio",
        "Can take people now?": "¿Puede recibir personas ahora?",
        "Not stated": "Sin indicar",
        "What is wrong?": "¿Qué está mal?",
        "Tell us more": "Cuéntenos más",
        "Outcome": "Resultado",
        "Fixed": "Corregido",
        "Dismiss": "Descartar",
        "File": "Archivo",
        "HSDS 3.0 JSON, or a ZIP of a tabular package (HSDS 3.0 or legacy 1.x/2.x).": "JSON de HSDS 3.0, o un ZIP de un paquete tabular (HSDS 3.0 o el antiguo 1.x/2.x).",
        "Source name": "Nombre de la fuente",
        "Re-importing the same source updates its records in place.": "Volver a importar la misma fuente actualiza sus registros en su lugar.",
        "Import the valid rows and report the rejected ones": "Importar las filas válidas e informar de las rechazadas",
        "Partial file: do not mark records missing from it as inactive": "Archivo parcial: no marcar como inactivos los registros que falten",
        "Legacy HSDS 1.x/2.x package: mapped onto HSDS 3.0": "Paquete antiguo HSDS 1.x/2.x: convertido a HSDS 3.0",
        "%(field)s is required": "%(field)s es obligatorio",
        "%(field)s: %(value)r is not a number": "%(field)s: %(value)r no es un número",
        "%(field)s: %(value)r is not a whole number": "%(field)s: %(value)r no es un número entero",
        "%(field)s: %(value)r is not a time (HH:MM or HH:MM:SS)": "%(field)s: %(value)r no es una hora (HH:MM o HH:MM:SS)",
        "%(field)s: %(value)r is not a date-time": "%(field)s: %(value)r no es una fecha y hora",
        "%(field)s: %(value)r is not one of %(allowed)s": "%(field)s: %(value)r no es uno de %(allowed)s",
        "%(field)s is longer than %(max)s characters": "%(field)s tiene más de %(max)s caracteres",
        "latitude %(value)s is outside -90..90": "la latitud %(value)s está fuera de -90..90",
        "longitude %(value)s is outside -180..180": "la longitud %(value)s está fuera de -180..180",
        "minimum_age is above maximum_age": "minimum_age es mayor que maximum_age",
        "duplicate id %(id)s (first at line %(line)s)": "id duplicado %(id)s (aparece primero en la línea %(line)s)",
        "%(field)s refers to a %(table)s that is not in the data (%(id)s)": "%(field)s se refiere a un(a) %(table)s que no está en los datos (%(id)s)",
        "not a JSON file or a data package folder": "no es un archivo JSON ni una carpeta de paquete de datos",
        "%(file)s: not an HSDS 3.0 table, skipped": "%(file)s: no es una tabla de HSDS 3.0; se omitió",
        "not valid JSON: %(error)s": "JSON no válido: %(error)s",
        "expected an object or a list": "se esperaba un objeto o una lista",
        "cannot tell which HSDS object this is": "no se puede saber qué objeto de HSDS es",
        "more values than columns": "más valores que columnas",
        "cannot read the CSV: %(error)s": "no se puede leer el CSV: %(error)s",
        "The file is not a readable ZIP archive.": "El archivo no es un ZIP legible.",
        "The ZIP holds no CSV or JSON files.": "El ZIP no contiene archivos CSV ni JSON.",
        "Wrong phone number": "Teléfono equivocado",
        "Wrong address or location": "Dirección o lugar equivocado",
        "Wrong hours": "Horario equivocado",
        "Closed or no longer offered": "Cerrado o ya no se ofrece",
        "Not taking new people": "No recibe personas nuevas",
        "Wrong eligibility, cost or documents": "Requisitos, costo o documentos equivocados",
        "Something else": "Otra cosa",
        "Open": "Abierto",
        "Dismissed": "Descartado",
        "Waiting to start": "Esperando para empezar",
        "Importing": "Importando",
        "Finished": "Terminado",
        "Failed": "Falló",
        "Only the organization that maintains this listing, or a directory administrator, can change it.": "Solo la organización que mantiene este servicio, o un(a) administrador(a) del directorio, puede cambiarlo.",
        "A phone number has at most 50 characters.": "Un número de teléfono tiene como máximo 50 caracteres.",
        "Choose a valid capacity.": "Elija una capacidad válida.",
        "Keep the note under 500 characters.": "La nota debe tener menos de 500 caracteres.",
        "Choose what is wrong.": "Elija qué está mal.",
        "Say what is wrong, so it can be fixed.": "Diga qué está mal, para poder corregirlo.",
        "Keep it under 2,000 characters.": "Debe tener menos de 2.000 caracteres.",
        "This report was already closed.": "Este informe ya estaba cerrado.",
        "Choose fixed or dismissed.": "Elija corregido o descartado.",
        "Say why the report is dismissed.": "Diga por qué se descarta el informe.",
        "Name the source (for example, the 211 it came from).": "Indique la fuente (por ejemplo, el 211 de donde viene).",
        "Use up to 100 letters, digits, - or _.": "Use hasta 100 letras, dígitos, - o _.",
        "Choose a file to import.": "Elija un archivo para importar.",
        "Upload an HSDS JSON file, or a ZIP of a tabular data package (CSV files).": "Suba un archivo JSON de HSDS, o un ZIP de un paquete de datos tabular (archivos CSV).",
        "The file is larger than %(mb)s MB.": "El archivo ocupa más de %(mb)s MB.",
        "Waiting for the background worker to start it.": "Esperando a que el proceso en segundo plano lo empiece.",
        "%(phase)s: %(done)s of %(total)s records": "%(phase)s: %(done)s de %(total)s registros",
        "Records": "Registros",
        "Created": "Creados",
        "Updated": "Actualizados",
        "Unchanged": "Sin cambios",
        "Marked inactive": "Marcados como inactivos",
        "Nothing was imported. Fix these rows and upload again:": "No se importó nada. Corrija estas filas y vuelva a subir el archivo:",
        "Rejected rows (the rest were imported):": "Filas rechazadas (el resto se importó):",
        "Line": "Línea",
        "Showing 500 of %(count)s; the API lists them all.": "Se muestran 500 de %(count)s; la API los muestra todos.",
        "Reported problems": "Problemas informados",
        "Reported by %(who)s on %(when)s": "Informado por %(who)s el %(when)s",
        "Close the report": "Cerrar el informe",
        "Edit listing": "Editar servicio",
        "No reported problems here.": "No hay problemas informados aquí.",
        "Each change is kept in the listing's change log, with your name.": "Cada cambio queda en el historial del servicio, con su nombre.",
        "Directory imports": "Importaciones del directorio",
        "Import directory data": "Importar datos del directorio",
        "Start the import": "Empezar la importación",
        "Recent imports": "Importaciones recientes",
        "Started": "Empezó",
        "No imports yet.": "Todavía no hay importaciones.",
        "Report a problem": "Informar de un problema",
        "The organization that runs this service, or a directory administrator, will check it and fix the listing.": "La organización que ofrece este servicio, o un(a) administrador(a) del directorio, lo revisará y corregirá el servicio.",
        "Send": "Enviar",
        "Keep this listing right": "Mantenga este servicio al día",
        "Save capacity": "Guardar capacidad",
        "Capacity last changed %(when)s.": "La capacidad cambió por última vez el %(when)s.",
        "Mark verified today": "Marcar como verificado hoy",
        "Last verified by %(who)s.": "Verificado por última vez por %(who)s.",
        "Review reported problems": "Revisar problemas informados",
        "Listing saved.": "Servicio guardado.",
        "Capacity updated.": "Capacidad actualizada.",
        "Marked as verified today.": "Marcado como verificado hoy.",
        "Thank you. The organization or a directory administrator will check it.": "Gracias. La organización o un(a) administrador(a) del directorio lo revisará.",
        "Report closed.": "Informe cerrado.",
        "Listing reports": "Informes de servicios",
    }
)

ES.update(
    {
        "Searched for": "Se buscó",
        "you typed “%(typed)s”": "usted escribió «%(typed)s»",
    }
)

ES.update(
    {
        "See the referrals the organization made or received": "Ver las derivaciones que la organización hizo o recibió",
        "Refer people and cancel their referrals": "Derivar personas y cancelar sus derivaciones",
        "Accept, work on and close referrals received": "Aceptar, atender y cerrar las derivaciones recibidas",
        "Finding help for %(name)s": "Buscando ayuda para %(name)s",
        "Refer %(name)s here": "Derivar a %(name)s aquí",
        "Refer someone here": "Derivar a alguien aquí",
        "e-mail me": "enviarme correo",
        "at once, for each update": "al momento, por cada novedad",
        "once a day, a summary": "una vez al día, un resumen",
        "never (only in Puentes)": "nunca (solo en Puentes)",
        "days to answer a referral (business days)": "días para responder una derivación (días hábiles)",
        "New referral to %(service)s from %(organization)s.": "Nueva derivación a %(service)s de %(organization)s.",
        "Your referral to %(service)s is now: %(status)s.": "Su derivación a %(service)s ahora está: %(status)s.",
        "%(organization)s cancelled a referral to %(service)s.": "%(organization)s canceló una derivación a %(service)s.",
        "Consent to share was withdrawn: a referral to %(service)s was cancelled and its details are no longer shared.": "Se retiró el consentimiento para compartir: se canceló una derivación a %(service)s y sus datos ya no se comparten.",
        "Puentes: %(message)s": "Puentes: %(message)s",
        "Puentes: your daily summary (%(count)s updates)": "Puentes: su resumen diario (%(count)s novedades)",
        "Choose how to be e-mailed.": "Elija cómo recibir correos.",
        "Notifications": "Avisos",
        "Mark all as read": "Marcar todo como leído",
        "new": "nuevo",
        "Nothing new.": "Nada nuevo.",
        "E-mail me about referrals": "Enviarme correos sobre derivaciones",
        "Saved.": "Guardado.",
        "All marked as read.": "Todo marcado como leído.",
        "Referrals": "Derivaciones",
        "No referrals yet. Use Find help on a need to refer.": "Todavía no hay derivaciones. Use Buscar ayuda en una necesidad para derivar.",
        "Send a FHIR Task.": "Envíe un Task de FHIR.",
        "Send the version you read in meta.versionId.": "Envíe en meta.versionId la versión que leyó.",
        "Expected a reference to a %(kind)s.": "Se esperaba una referencia a un %(kind)s.",
        "Send a FHIR ServiceRequest.": "Envíe un ServiceRequest de FHIR.",
        "Not a date.": "No es una fecha.",
        "Not a valid id.": "No es un id válido.",
        "For which needs?": "¿Para qué necesidades?",
        "Note for the receiving organization": "Nota para la organización que recibe",
        "Priority": "Prioridad",
        "Wanted by": "Para antes del",
        "Send anyway, although the service is full or has a waitlist": "Enviar de todos modos, aunque el servicio esté lleno o tenga lista de espera",
        "What was delivered?": "¿Qué se entregó?",
        "Details": "Detalles",
        "Draft": "Borrador",
        "Sent": "Enviada",
        "Accepted": "Aceptada",
        "Rejected": "Rechazada",
        "On hold": "En pausa",
        "Could not be done": "No se pudo hacer",
        "Cancelled": "Cancelada",
        "Entered in error": "Registrada por error",
        "Routine": "Normal",
        "Urgent": "Urgente",
        "As soon as possible": "Lo antes posible",
        "Food provided": "Se entregaron alimentos",
        "Housing help provided": "Se dio ayuda con la vivienda",
        "Help with utility bills": "Ayuda con facturas de servicios",
        "Transportation provided": "Se dio transporte",
        "Enrolled in benefits": "Inscrita en beneficios",
        "Health care visit": "Consulta de salud",
        "Legal help provided": "Se dio ayuda legal",
        "Employment help provided": "Se dio ayuda con el empleo",
        "Education or training provided": "Se dio educación o capacitación",
        "Case management": "Gestión de caso",
        "Other service": "Otro servicio",
        "note for the receiving organization": "nota para la organización que recibe",
        "priority": "prioridad",
        "wanted by": "para antes del",
        "Where: %(address)s": "Dónde: %(address)s",
        "When: %(hours)s": "Cuándo: %(hours)s",
        "call to ask": "llame para preguntar",
        "Phone: %(phone)s": "Teléfono: %(phone)s",
        "Bring: %(documents)s": "Traiga: %(documents)s",
        "Choose sent, inbox or all.": "Elija sent, inbox o all.",
        "Choose needs of this person.": "Elija necesidades de esta persona.",
        "Only open needs can be referred.": "Solo se pueden derivar necesidades abiertas.",
        "Choose a valid priority.": "Elija una prioridad válida.",
        "Keep the note under 2,000 characters.": "La nota debe tener menos de 2.000 caracteres.",
        "The date cannot be in the past.": "La fecha no puede estar en el pasado.",
        "This service says it is %(capacity)s. Send anyway, or choose one of the nearby services that can take people now.": "Este servicio indica: %(capacity)s. Envíe de todos modos, o elija uno de los servicios cercanos que pueden recibir personas ahora.",
        "Confirm to send to a service that is full.": "Confirme para enviar a un servicio que está lleno.",
        "%(person)s has no active consent to share with %(organization)s for referrals. Record their consent first; the referral is kept as a draft.": "%(person)s no tiene un consentimiento vigente para compartir con %(organization)s para derivaciones. Registre primero su consentimiento; la derivación queda como borrador.",
        "No active consent covers the receiving organization.": "Ningún consentimiento vigente cubre a la organización que recibe.",
        "Referred to %(service)s": "Derivada a %(service)s",
        "Keep the reason under 500 characters.": "El motivo debe tener menos de 500 caracteres.",
        "Say what was delivered.": "Diga qué se entregó.",
        "A referral that is %(current)s cannot become %(next)s.": "Una derivación en estado «%(current)s» no puede pasar a «%(next)s».",
        "Only the %(side)s organization can make this change.": "Solo la organización %(side)s puede hacer este cambio.",
        "referring": "que deriva",
        "receiving": "que recibe",
        "Referral to %(service)s completed: %(outcome)s": "Derivación a %(service)s completada: %(outcome)s",
        "Referral to %(service)s %(status)s: %(reason)s": "Derivación a %(service)s %(status)s: %(reason)s",
        "(details withdrawn)": "(datos retirados)",
        "Overdue": "Atrasada",
        "Follow up": "Dar seguimiento",
        "No referrals here.": "No hay derivaciones aquí.",
        "Refer a person": "Derivar a una persona",
        "Who are you referring?": "¿A quién deriva?",
        "No one found.": "No se encontró a nadie.",
        "Referral": "Derivación",
        "Referral inbox": "Derivaciones recibidas",
        "Not on the network: the person takes the details": "Fuera de la red: la persona lleva los datos",
        "Delivered": "Entregado",
        "Person": "Persona",
        "texts OK": "acepta mensajes de texto",
        "Consent to share was withdrawn: the person's details are no longer shared.": "Se retiró el consentimiento para compartir: los datos de la persona ya no se comparten.",
        "Answer due": "Respuesta para el",
        "What happens next": "Qué sigue",
        "For the person to take with them": "Para que la persona lo lleve",
        "Print": "Imprimir",
        "Service": "Servicio",
        "All services": "Todos los servicios",
        "Any status": "Cualquier estado",
        "Refer %(name)s": "Derivar a %(name)s",
        "Nearby, for the same need, taking people now:": "Cerca, para la misma necesidad, recibiendo personas ahora:",
        "Send the referral": "Enviar la derivación",
        "Save as draft": "Guardar como borrador",
        "Referrals sent": "Derivaciones enviadas",
        "Accept": "Aceptar",
        "Reject": "Rechazar",
        "Put on hold": "Poner en pausa",
        "Complete": "Completar",
        "Cancel the referral": "Cancelar la derivación",
        "Referral saved as a draft.": "Derivación guardada como borrador.",
        "Referral sent.": "Derivación enviada.",
        "Referral updated.": "Derivación actualizada.",
        "New": "Nuevas",
        "All": "Todas",
        "Closed": "Cerradas",
        "Inbox": "Recibidas",
        "%(counter)s unread": ("%(counter)s sin leer", "%(counter)s sin leer"),
        "started a referral": "inició una derivación",
        "changed a referral's status": "cambió el estado de una derivación",
        "opened a referral": "abrió una derivación",
    }
)

ES.update({"Days to answer a referral": "Días para responder una derivación"})

ES.update(
    {
        "%(counter)s referral to follow up": (
            "%(counter)s derivación para dar seguimiento",
            "%(counter)s derivaciones para dar seguimiento",
        ),
        "%(counter)s new referral received": (
            "%(counter)s derivación nueva recibida",
            "%(counter)s derivaciones nuevas recibidas",
        ),
    }
)

ES.update({"Page": "Página", "Choose open, working or closed.": "Elija open, working o closed."})

# Care management -------------------------------------------------------------------------
ES.update(
    {
        "added a program": "agregó un programa",
        "edited a program": "editó un programa",
        "enrolled the person in a program": "inscribió a la persona en un programa",
        "changed a program enrollment's status": "cambió el estado de una inscripción",
        "changed a program enrollment": "cambió una inscripción",
        "started a care plan": "comenzó un plan de cuidado",
        "set a goal": "fijó una meta",
        "changed a goal": "cambió una meta",
        "recorded progress on a goal": "registró avance en una meta",
        "recorded a practitioner's recommendation": "registró la recomendación de un profesional",
        "attached a scanned recommendation": "adjuntó una recomendación escaneada",
        "recorded a plan of care": "registró un plan de atención",
        "attached a scanned plan of care": "adjuntó un plan de atención escaneado",
        "added a follow-up": "agregó un seguimiento",
        "changed a follow-up": "cambió un seguimiento",
        "closed a follow-up": "cerró un seguimiento",
        "logged an encounter": "registró un encuentro",
        "edited an encounter": "editó un encuentro",
        "amended a billed encounter": "enmendó un encuentro facturado",
        "Define the organization's programs": "Definir los programas de la organización",
        "See enrollments, care plans, follow-ups and encounters": (
            "Ver inscripciones, planes de cuidado, seguimientos y encuentros"
        ),
        "Enroll people, set goals and progress, manage follow-ups": (
            "Inscribir personas, fijar metas y avances, manejar seguimientos"
        ),
        "Record practitioners' recommendations and plans of care": (
            "Registrar recomendaciones y planes de atención de profesionales"
        ),
        "Log and correct encounters": "Registrar y corregir encuentros",
        "See the team's caseloads": "Ver las cargas de casos del equipo",
        "Choose today, overdue, upcoming or all.": "Elija today, overdue, upcoming o all.",
        "Kind of program": "Tipo de programa",
        "Who it is for": "Para quién es",
        "Worker types that deliver it": "Tipos de trabajador que lo ofrecen",
        "Check in every (days)": "Contacto cada (días)",
        "A follow-up is scheduled this many days after enrollment and each contact; 0 for none.": (
            "Se programa un seguimiento estos días después de la inscripción y de cada "
            "contacto; 0 para ninguno."
        ),
        "Caseload limit per worker": "Límite de casos por trabajador",
        "Open for enrollment": "Abierto a inscripciones",
        "Program": "Programa",
        "Enrolled": "Inscrito",
        "Referred": "Referido",
        "Start date": "Fecha de inicio",
        "ECM populations of focus": "Poblaciones prioritarias de ECM",
        "For Enhanced Care Management only.": "Solo para Enhanced Care Management (ECM).",
        "Community Supports": "Community Supports (apoyos comunitarios)",
        "Care plan": "Plan de cuidado",
        "The goal, in the person's own words": "La meta, en las palabras de la persona",
        "Measured by": "Se mide con",
        "For example HbA1c, Asthma control test, Blood pressure.": (
            "Por ejemplo HbA1c, prueba de control del asma, presión arterial."
        ),
        "Target is": "La meta es",
        "Target": "Meta",
        "Second number (e.g. 80 of 130/80)": "Segundo número (p. ej. 80 de 130/80)",
        "Unit": "Unidad",
        "Target date": "Fecha meta",
        "Needs it addresses": "Necesidades que atiende",
        "Date": "Fecha",
        "Value": "Valor",
        "Second number": "Segundo número",
        "Practitioner's name": "Nombre del profesional",
        "Practitioner's NPI": "NPI del profesional",
        "Credential": "Credencial",
        "Scanned copy (PDF or image)": "Copia escaneada (PDF o imagen)",
        "Date of the recommendation": "Fecha de la recomendación",
        "Services recommended": "Servicios recomendados",
        "Expires on": "Vence el",
        "Date signed": "Fecha de firma",
        "Valid until": "Válido hasta",
        "What the plan covers": "Qué cubre el plan",
        "What to do": "Qué hacer",
        "Due on": "Para el",
        "Minutes": "Minutos",
        "Started at": "Empezó a las",
        "Leave empty for a visit that has just ended.": (
            "Déjelo vacío si la visita acaba de terminar."
        ),
        "How": "Cómo",
        "Where": "Dónde",
        "Services delivered": "Servicios prestados",
        "Topics": "Temas",
        "Needs worked on": "Necesidades atendidas",
        "Goals worked on": "Metas trabajadas",
        "Referrals followed up": "Derivaciones con seguimiento",
        "Group session": "Sesión de grupo",
        "Also present": "También presentes",
        "People in the group (everyone present)": "Personas en el grupo (todos los presentes)",
        "What the amendment corrects": "Qué corrige la enmienda",
        "Reassign to": "Reasignar a",
        "Asthma home visiting": "Visitas a domicilio para el asma",
        "Diabetes self-management": "Autocontrol de la diabetes",
        "Frequent emergency department users": "Usuarios frecuentes de urgencias",
        "Cardiovascular risk": "Riesgo cardiovascular",
        "Prenatal and postpartum support": "Apoyo prenatal y posparto",
        "Enhanced Care Management (CalAIM)": "Enhanced Care Management (CalAIM)",
        "Community Supports (CalAIM)": "Community Supports (CalAIM)",
        "description": "descripción",
        "who it is for": "para quién es",
        "worker types that deliver it": "tipos de trabajador que lo ofrecen",
        "follow up every (days)": "seguimiento cada (días)",
        "0 for no automatic follow-ups.": "0 para no programar seguimientos.",
        "caseload limit per worker": "límite de casos por trabajador",
        "open for enrollment": "abierto a inscripciones",
        "Paused": "En pausa",
        "Disenrolled": "Dado de baja",
        "Experiencing homelessness": "En situación de calle",
        "At risk for avoidable hospital or ED utilization": (
            "En riesgo de uso evitable del hospital o de urgencias"
        ),
        "Serious mental health and/or substance use disorder needs": (
            "Necesidades graves de salud mental o por uso de sustancias"
        ),
        "Transitioning from incarceration": "Saliendo de la cárcel",
        "Adults in the community at risk for long-term care institutionalization": (
            "Adultos en la comunidad en riesgo de internación de largo plazo"
        ),
        "Adult nursing facility residents transitioning to the community": (
            "Adultos de residencias de cuidado que vuelven a la comunidad"
        ),
        "Children and youth involved in child welfare": (
            "Niños y jóvenes en el sistema de bienestar infantil"
        ),
        "Children and youth in California Children's Services with additional needs": (
            "Niños y jóvenes en California Children's Services con necesidades adicionales"
        ),
        "Pregnant and postpartum individuals (birth equity)": (
            "Personas embarazadas y en posparto (equidad en el parto)"
        ),
        "Housing transition navigation": "Acompañamiento para conseguir vivienda",
        "Housing deposits": "Depósitos de vivienda",
        "Housing tenancy and sustaining services": "Servicios para mantener la vivienda",
        "Short-term post-hospitalization housing": "Vivienda temporal después del hospital",
        "Recuperative care (medical respite)": "Cuidado de recuperación (respiro médico)",
        "Respite services for caregivers": "Respiro para cuidadores",
        "Day habilitation programs": "Programas de habilitación diurna",
        "Nursing facility transition or diversion": (
            "Transición o alternativa a una residencia de cuidado"
        ),
        "Community transition services": "Servicios de transición a la comunidad",
        "Personal care and homemaker services": "Cuidado personal y ayuda en el hogar",
        "Environmental accessibility adaptations": "Adaptaciones de accesibilidad en el hogar",
        "Medically tailored meals": "Comidas adaptadas médicamente",
        "Sobering centers": "Centros de sobriedad",
        "Asthma remediation": "Remediación para el asma",
        "reason": "motivo",
        "referred on": "referido el",
        "start date": "fecha de inicio",
        "end date": "fecha de fin",
        "title": "título",
        "below": "menor que",
        "at most": "como máximo",
        "exactly": "exactamente",
        "at least": "al menos",
        "above": "mayor que",
        "Working on it": "En curso",
        "Achieved": "Lograda",
        "Not achieved": "No lograda",
        "goal, in the person's words": "meta, en las palabras de la persona",
        "measure": "medida",
        "target is": "la meta es",
        "target value": "valor meta",
        "second target value": "segundo valor meta",
        "unit": "unidad",
        "target date": "fecha meta",
        "date": "fecha",
        "second value": "segundo valor",
        "Physician (MD)": "Médico (MD)",
        "Physician (DO)": "Médico (DO)",
        "Nurse practitioner": "Enfermero/a practicante (NP)",
        "Physician assistant": "Asistente médico (PA)",
        "Certified nurse midwife": "Partera enfermera certificada",
        "Registered nurse": "Enfermero/a registrado/a",
        "Licensed clinical social worker": "Trabajador/a social clínico/a con licencia",
        "Licensed marriage and family therapist": "Terapeuta familiar con licencia",
        "Psychologist": "Psicólogo/a",
        "Dentist": "Dentista",
        "Pharmacist": "Farmacéutico/a",
        "Other licensed practitioner": "Otro profesional con licencia",
        "practitioner's name": "nombre del profesional",
        "practitioner's NPI": "NPI del profesional",
        "credential": "credencial",
        "scanned copy": "copia escaneada",
        "date of the recommendation": "fecha de la recomendación",
        "services recommended": "servicios recomendados",
        "date signed": "fecha de firma",
        "valid until": "válido hasta",
        "what the plan covers": "qué cubre el plan",
        "To do": "Pendiente",
        "Done": "Hecho",
        "Added by hand": "Agregado a mano",
        "Program cadence": "Frecuencia del programa",
        "Referral follow-up date": "Fecha de seguimiento de la derivación",
        "what to do": "qué hacer",
        "due on": "para el",
        "Video": "Video",
        "Text messages": "Mensajes de texto",
        "02 Telehealth (not in the home)": "02 Telesalud (fuera del hogar)",
        "03 School": "03 Escuela",
        "04 Homeless shelter": "04 Albergue",
        "09 Prison or correctional facility": "09 Prisión o centro correccional",
        "10 Telehealth in the home": "10 Telesalud en el hogar",
        "11 Office": "11 Consultorio",
        "12 Home": "12 Hogar",
        "13 Assisted living facility": "13 Residencia asistida",
        "14 Group home": "14 Hogar grupal",
        "15 Mobile unit": "15 Unidad móvil",
        "16 Temporary lodging": "16 Alojamiento temporal",
        "18 Place of employment": "18 Lugar de trabajo",
        "22 Outpatient hospital": "22 Hospital (ambulatorio)",
        "23 Emergency room": "23 Sala de urgencias",
        "27 Outreach site or street": "27 Sitio de alcance comunitario o calle",
        "32 Nursing facility": "32 Residencia de cuidado",
        "50 Federally qualified health center": "50 Centro de salud comunitario (FQHC)",
        "53 Community mental health center": "53 Centro comunitario de salud mental",
        "71 Public health clinic": "71 Clínica de salud pública",
        "72 Rural health clinic": "72 Clínica rural",
        "99 Other place of service": "99 Otro lugar",
        "Health education": "Educación para la salud",
        "Health navigation": "Orientación en el sistema de salud",
        "Screening and assessment": "Evaluación",
        "Individual support or advocacy": "Apoyo o defensa individual",
        "Care coordination": "Coordinación del cuidado",
        "Prenatal, birth or postpartum support": "Apoyo prenatal, en el parto o posparto",
        "Peer support": "Apoyo entre pares",
        "Asthma preventive services": "Servicios preventivos del asma",
        "Violence prevention": "Prevención de la violencia",
        "Outreach": "Alcance comunitario",
        "Asthma": "Asma",
        "Diabetes": "Diabetes",
        "Blood pressure": "Presión arterial",
        "Medications": "Medicamentos",
        "Nutrition": "Nutrición",
        "Physical activity": "Actividad física",
        "Mental health": "Salud mental",
        "Substance use": "Uso de sustancias",
        "Pregnancy and newborn care": "Embarazo y cuidado del recién nacido",
        "Housing": "Vivienda",
        "Food": "Alimentos",
        "Benefits and insurance": "Beneficios y seguro médico",
        "Appointments and transportation": "Citas y transporte",
        "Home environment and triggers": "El hogar y los desencadenantes",
        "Current": "Vigente",
        "Replaced by an amendment": "Reemplazado por una enmienda",
        "group session": "sesión de grupo",
        "people in the group": "personas en el grupo",
        "start time": "hora de inicio",
        "end time": "hora de fin",
        "minutes": "minutos",
        "how": "cómo",
        "place of service": "lugar del servicio",
        "services delivered": "servicios prestados",
        "topics": "temas",
        "reason for the amendment": "motivo de la enmienda",
        "Goal": "Meta",
        "Follow-up": "Seguimiento",
        "Encounter": "Encuentro",
        "%(minutes)s min, %(how)s, %(worker)s": "%(minutes)s min, %(how)s, %(worker)s",
        "%(program)s: %(count)s people, limit %(limit)s": (
            "%(program)s: %(count)s personas, límite %(limit)s"
        ),
        "Choose from 1 to 365 days.": "Elija de 1 a 365 días.",
        "Keep it under %(limit)s characters.": "Use menos de %(limit)s caracteres.",
        "Not in the list: %(codes)s.": "No está en la lista: %(codes)s.",
        "Choose a current member of your organization.": (
            "Elija a un miembro activo de su organización."
        ),
        "Unknown fields: %(f)s.": "Campos desconocidos: %(f)s.",
        "Choose a kind of program from the list.": "Elija un tipo de programa de la lista.",
        "Enter a number of days from 0 to 365.": "Escriba un número de días de 0 a 365.",
        "Enter a limit from 1 to 1,000, or leave it empty.": (
            "Escriba un límite de 1 a 1.000, o déjelo vacío."
        ),
        "Your organization already has a program with this name.": (
            "Su organización ya tiene un programa con este nombre."
        ),
        "Choose another name.": "Elija otro nombre.",
        "Choose one of the programs your organization runs.": (
            "Elija uno de los programas de su organización."
        ),
        "This program is closed for enrollment.": "Este programa no acepta inscripciones.",
        "Record at least one ECM population of focus.": (
            "Registre al menos una población prioritaria de ECM."
        ),
        "Populations of focus belong to an Enhanced Care Management program.": (
            "Las poblaciones prioritarias son de un programa de Enhanced Care Management."
        ),
        "Community Supports belong to an ECM or Community Supports program.": (
            "Los Community Supports son de un programa de ECM o de Community Supports."
        ),
        "A new enrollment is referred, enrolled or active.": (
            "Una inscripción nueva está referida, inscrita o activa."
        ),
        "Choose a date within the next year.": "Elija una fecha dentro del próximo año.",
        "%(person)s is already in this program.": "%(person)s ya está en este programa.",
        "An enrollment that is %(current)s cannot become %(status)s.": (
            "Una inscripción en estado %(current)s no puede pasar a %(status)s."
        ),
        "The date cannot be in the future.": "La fecha no puede estar en el futuro.",
        "%(program)s check-in": "Contacto de %(program)s",
        "Follow up on the referral to %(service)s": "Dar seguimiento a la derivación a %(service)s",
        "Choose one of this person's records.": "Elija un registro de esta persona.",
        "Choose the date it is due.": "Elija la fecha límite.",
        "Choose done or cancelled.": "Elija done o cancelled.",
        "This follow-up is already closed.": "Este seguimiento ya está cerrado.",
        "Choose one of this person's programs.": "Elija uno de los programas de esta persona.",
        "%(program)s care plan": "Plan de cuidado de %(program)s",
        "This person already has a care plan for this program.": (
            "Esta persona ya tiene un plan de cuidado para este programa."
        ),
        "Add goals to the existing plan.": "Agregue metas al plan existente.",
        "Enter a number.": "Escriba un número.",
        "Enter a number below 10,000,000.": "Escriba un número menor que 10.000.000.",
        "Choose below, at most, exactly, at least or above.": (
            "Elija menor que, como máximo, exactamente, al menos o mayor que."
        ),
        "A goal needs a target date.": "Una meta necesita una fecha meta.",
        "Choose a status from the list.": "Elija un estado de la lista.",
        "The target date cannot be in the past.": "La fecha meta no puede estar en el pasado.",
        "Enter a date.": "Escriba una fecha.",
        "Choose the practitioner's credential.": "Elija la credencial del profesional.",
        "Attach a PDF or an image (PNG, JPEG, HEIC, TIFF).": (
            "Adjunte un PDF o una imagen (PNG, JPEG, HEIC, TIFF)."
        ),
        "Attach a file of at most 10 MB.": "Adjunte un archivo de 10 MB como máximo.",
        "The expiry must be after the date of the recommendation.": (
            "El vencimiento debe ser posterior a la fecha de la recomendación."
        ),
        "The end must be after the date it was signed.": (
            "El fin debe ser posterior a la fecha de firma."
        ),
        "Choose one of this person's care plans.": "Elija un plan de cuidado de esta persona.",
        "This document already has a scan. Record a new document to replace it.": (
            "Este documento ya tiene un escaneo. Registre un documento nuevo para reemplazarlo."
        ),
        "Already attached.": "Ya adjuntado.",
        "Enter the date of the encounter.": "Escriba la fecha del encuentro.",
        "The end must be after the start.": "El fin debe ser posterior al inicio.",
        "%(minutes)s minutes does not match the start and end times (%(between)s).": (
            "%(minutes)s minutos no coincide con las horas de inicio y fin (%(between)s)."
        ),
        "Enter the start time too, or only the minutes.": (
            "Escriba también la hora de inicio, o solo los minutos."
        ),
        "Enter how long it lasted: 1 to 720 minutes.": "Escriba cuánto duró: de 1 a 720 minutos.",
        "The encounter must end on the day it started.": (
            "El encuentro debe terminar el mismo día en que empezó."
        ),
        "An encounter cannot be in the future.": "Un encuentro no puede estar en el futuro.",
        "Encounters older than a year cannot be logged.": (
            "No se pueden registrar encuentros de hace más de un año."
        ),
        "Choose the person.": "Elija a la persona.",
        "A group session needs the people who were present.": (
            "Una sesión de grupo necesita a las personas presentes."
        ),
        "Choose people of your organization.": "Elija personas de su organización.",
        "A group has at least 2 people and at least as many as are listed (%(n)s).": (
            "Un grupo tiene al menos 2 personas y al menos tantas como las anotadas (%(n)s)."
        ),
        "Choose records of the people present.": "Elija registros de las personas presentes.",
        "Say which worker met the person.": "Diga qué trabajador atendió a la persona.",
        "Choose in person, phone, video or text.": (
            "Elija en persona, teléfono, video o mensajes de texto."
        ),
        "Choose a place-of-service code from the list (e.g. 12 home, 11 office).": (
            "Elija un código de lugar de servicio de la lista (p. ej. 12 hogar, 11 consultorio)."
        ),
        "Choose at least one service delivered.": "Elija al menos un servicio prestado.",
        "Keep the key under 100 characters.": "Use una clave de menos de 100 caracteres.",
        "This encounter has been billed, so it cannot be changed. Record an amendment instead.": (
            "Este encuentro ya se facturó y no se puede cambiar. Registre una enmienda."
        ),
        "This encounter was already amended; amend the amendment.": (
            "Este encuentro ya fue enmendado; enmiende la enmienda."
        ),
        "This encounter has not been billed; edit it instead.": (
            "Este encuentro no se ha facturado; edítelo."
        ),
        "Say what the amendment corrects.": "Diga qué corrige la enmienda.",
        "Choose a different worker.": "Elija a otro trabajador.",
        "Mark “%(title)s” done": "Marcar «%(title)s» como hecho",
        "No follow-ups.": "No hay seguimientos.",
        "Care": "Cuidado",
        "Enrolled in Enhanced Care Management: not eligible for the Medi-Cal CHW benefit.": (
            "Inscrito en Enhanced Care Management: no puede recibir el beneficio CHW de Medi-Cal."
        ),
        "Log an encounter": "Registrar un encuentro",
        "Enroll in a program": "Inscribir en un programa",
        "Set a goal": "Fijar una meta",
        "Add a follow-up": "Agregar un seguimiento",
        "Programs": "Programas",
        "Not in a program.": "No está en ningún programa.",
        "Goals": "Metas",
        "by": "para el",
        "latest": "último",
        "No goals yet.": "Todavía no hay metas.",
        "Follow-ups": "Seguimientos",
        "Recent encounters": "Encuentros recientes",
        "Billed": "Facturado",
        "No encounters logged.": "No hay encuentros registrados.",
        "Recommendation and plan of care": "Recomendación y plan de atención",
        "Recommendation": "Recomendación",
        "Expired": "Vencida",
        "Scan": "Escaneo",
        "Plan of care": "Plan de atención",
        "signed": "firmado el",
        "None recorded. Payers need a practitioner's written recommendation for CHW services.": (
            "No hay ninguno. Los pagadores exigen la recomendación escrita de un profesional "
            "para los servicios de CHW."
        ),
        "Record a recommendation": "Registrar una recomendación",
        "Record a plan of care": "Registrar un plan de atención",
        "Timeline": "Cronología",
        "Nothing yet.": "Todavía nada.",
        "See the amendment": "Ver la enmienda",
        "Amendment": "Enmienda",
        "of": "de",
        "Group": "Grupo",
        "%(counter)s person": ("%(counter)s persona", "%(counter)s personas"),
        "Amend": "Enmendar",
        "Earlier versions": "Versiones anteriores",
        "changed": "cambió",
        "Note before": "Nota anterior",
        "Enrolled in Enhanced Care Management: this work is not billable as the Medi-Cal CHW benefit.": (
            "Inscrito en Enhanced Care Management: este trabajo no se puede facturar como "
            "beneficio CHW de Medi-Cal."
        ),
        "This encounter has been billed, so it stays as it was. Your correction is saved as an amendment that replaces it.": (
            "Este encuentro ya se facturó, así que queda como estaba. Su corrección se guarda "
            "como una enmienda que lo reemplaza."
        ),
        "Time, topics, needs and goals": "Hora, temas, necesidades y metas",
        "Save the amendment": "Guardar la enmienda",
        "Save the encounter": "Guardar el encuentro",
        "Your organization has no open programs. A supervisor or administrator adds them under Programs.": (
            "Su organización no tiene programas abiertos. Un supervisor o administrador los "
            "agrega en Programas."
        ),
        "CalAIM: Enhanced Care Management and Community Supports": (
            "CalAIM: Enhanced Care Management y Community Supports"
        ),
        "A person enrolled in ECM cannot also receive the Medi-Cal CHW benefit.": (
            "Una persona inscrita en ECM no puede recibir también el beneficio CHW de Medi-Cal."
        ),
        "Enroll": "Inscribir",
        "Referred on": "Referido el",
        "End date": "Fecha de fin",
        "Next check-in": "Próximo contacto",
        "Due": "Para el",
        "Log the contact": "Registrar el contacto",
        "Cancel it": "Cancelarlo",
        "Reschedule or reassign": "Cambiar la fecha o reasignar",
        "My follow-ups": "Mis seguimientos",
        "By": "Para el",
        "Progress": "Avance",
        "Target reached": "Meta alcanzada",
        "Yes": "Sí",
        "Not yet": "Todavía no",
        "No measurements yet.": "Todavía no hay mediciones.",
        "Record a measurement": "Registrar una medición",
        "Encounters that worked on it": "Encuentros que trabajaron en ella",
        "Add a program": "Agregar un programa",
        "Check-in every %(counter)s day": (
            "Contacto cada %(counter)s día",
            "Contacto cada %(counter)s días",
        ),
        "No automatic check-ins": "Sin contactos automáticos",
        "Up to %(limit)s people per worker": "Hasta %(limit)s personas por trabajador",
        "No programs yet.": "Todavía no hay programas.",
        "Add the programs your organization runs, so workers can enroll people.": (
            "Agregue los programas de su organización para que los trabajadores inscriban personas."
        ),
        "Team caseloads": "Cargas de casos del equipo",
        "No contact in (days)": "Sin contacto en (días)",
        "Show": "Mostrar",
        "No contact in %(days)s days": "Sin contacto en %(days)s días",
        "Overdue follow-ups": "Seguimientos atrasados",
        "Over limit": "Sobre el límite",
        "No frontline workers yet.": "Todavía no hay trabajadores de campo.",
        "%(name)s's caseload": "Casos de %(name)s",
        "Over the caseload limit": "Sobre el límite de casos",
        "Last contact": "Último contacto",
        "Reassign": "Reasignar",
        "No recent contact": "Sin contacto reciente",
        "Never": "Nunca",
        "Reassign %(name)s to": "Reasignar a %(name)s con",
        "Program saved.": "Programa guardado.",
        "Edit the program": "Editar el programa",
        "%(person)s is enrolled in %(program)s.": "%(person)s quedó inscrito en %(program)s.",
        "%(worker)s is over the caseload limit: %(detail)s": (
            "%(worker)s supera el límite de casos: %(detail)s"
        ),
        "Mark enrolled": "Marcar como inscrito",
        "Mark active": "Marcar como activo",
        "Pause": "Pausar",
        "Disenroll": "Dar de baja",
        "Enrollment updated.": "Inscripción actualizada.",
        "General care plan": "Plan de cuidado general",
        "Goal saved.": "Meta guardada.",
        "Write the goal with the person, in their words, with a number to aim for.": (
            "Escriba la meta con la persona, en sus palabras, con un número al que apuntar."
        ),
        "HbA1c": "HbA1c",
        "Asthma control test": "Prueba de control del asma",
        "Weight": "Peso",
        "ED visits": "Visitas a urgencias",
        "Progress recorded.": "Avance registrado.",
        "Goal updated.": "Meta actualizada.",
        "Record a practitioner's recommendation": "Registrar la recomendación de un profesional",
        "Record a signed plan of care": "Registrar un plan de atención firmado",
        "Document recorded.": "Documento registrado.",
        "Today and overdue": "Hoy y atrasados",
        "Upcoming": "Próximos",
        "Follow-up added.": "Seguimiento agregado.",
        "Follow-up updated.": "Seguimiento actualizado.",
        "Follow-up done.": "Seguimiento hecho.",
        "Follow-up cancelled.": "Seguimiento cancelado.",
        "None": "Ninguno",
        "Encounter logged.": "Encuentro registrado.",
        "This encounter was already logged.": "Este encuentro ya estaba registrado.",
        "Amendment recorded.": "Enmienda registrada.",
        "Amend a billed encounter": "Enmendar un encuentro facturado",
        "Edit the encounter": "Editar el encuentro",
        "Person reassigned.": "Persona reasignada.",
        "Over the caseload limit: %(detail)s": "Sobre el límite de casos: %(detail)s",
        "Choose who to reassign to.": "Elija a quién reasignar.",
        "Team": "Equipo",
        "My day": "Mi día",
        "Due today": "Para hoy",
        "Upcoming follow-ups": "Próximos seguimientos",
    }
)

ES.update({"Workers and details": "Trabajadores y detalles"})

# Billing and funding -----------------------------------------------------------------------
ES.update(
    {
        "added a payer": "agregó un pagador",
        "recorded coverage": "registró una cobertura",
        "ended a coverage": "terminó una cobertura",
        "recorded an initiating visit": "registró una visita inicial",
        "added a provider": "agregó un proveedor",
        "changed the billing set-up": "cambió la configuración de facturación",
        "set a fee": "fijó una tarifa",
        "added a funding source": "agregó una fuente de financiamiento",
        "generated a claim batch": "generó un lote de reclamos",
        "changed a claim batch's status": "cambió el estado de un lote de reclamos",
        "voided a claim": "anuló un reclamo",
        "sent a corrected claim": "envió un reclamo corregido",
        "imported a remittance": "importó una remesa",
        "charged work to grants": "cargó trabajo a subvenciones",
        "The file is larger than 20 MB.": "El archivo pesa más de 20 MB.",
        "Choose json, csv or xlsx.": "Elija json, csv o xlsx.",
        "no worker type": "sin tipo de trabajador",
        "The services delivered (%(services)s) are not covered by %(title)s.": (
            "Los servicios prestados (%(services)s) no los cubre %(title)s."
        ),
        "Covered: %(services)s.": "Cubiertos: %(services)s.",
        "%(worker)s is not a qualified worker for %(title)s.": (
            "%(worker)s no es un trabajador calificado para %(title)s."
        ),
        "The visit must be delivered by: %(types)s.": "La visita la debe hacer: %(types)s.",
        "Place of service %(pos)s is not covered.": "El lugar de servicio %(pos)s no está cubierto.",
        "Allowed places of service: %(list)s.": "Lugares de servicio permitidos: %(list)s.",
        "Enrolled in Enhanced Care Management on %(day)s: the person cannot also receive %(title)s.": (
            "Inscrito en Enhanced Care Management el %(day)s: la persona no puede recibir "
            "también %(title)s."
        ),
        "Bill the work through the ECM provider, or charge it to a grant.": (
            "Facture el trabajo por medio del proveedor de ECM, o cárguelo a una subvención."
        ),
        "No diagnosis code.": "No hay código de diagnóstico.",
        "Link a need with a Z code to the encounter, or record the practitioner's ICD-10-CM code on the recommendation.": (
            "Vincule al encuentro una necesidad con código Z, o registre en la recomendación "
            "el código ICD-10-CM del profesional."
        ),
        "The recommendation expired on %(day)s.": "La recomendación venció el %(day)s.",
        "Record a new written recommendation from a licensed practitioner.": (
            "Registre una nueva recomendación escrita de un profesional con licencia."
        ),
        "No written recommendation for CHW services on the date of service.": (
            "No hay recomendación escrita para servicios de CHW en la fecha del servicio."
        ),
        "Record a licensed practitioner's written recommendation (name, NPI, date).": (
            "Registre la recomendación escrita de un profesional con licencia (nombre, NPI, fecha)."
        ),
        "%(family)s must be delivered by: %(types)s.": "%(family)s lo debe prestar: %(types)s.",
        "Assign a qualified worker.": "Asigne a un trabajador calificado.",
        "%(family)s pays for %(services)s only.": "%(family)s solo paga %(services)s.",
        "Record the service that was delivered.": "Registre el servicio que se prestó.",
        "%(family)s needs an initiating visit by the billing practitioner first.": (
            "%(family)s necesita primero una visita inicial del profesional que factura."
        ),
        "Record the initiating visit (an E/M or annual wellness visit).": (
            "Registre la visita inicial (una visita E/M o de bienestar anual)."
        ),
        "%(family)s needs a current treatment plan.": "%(family)s necesita un plan de tratamiento vigente.",
        "Record the plan of care signed by a licensed practitioner.": (
            "Registre el plan de atención firmado por un profesional con licencia."
        ),
        "No code fits a session with %(n)s participants (%(ranges)s).": (
            "Ningún código sirve para una sesión con %(n)s participantes (%(ranges)s)."
        ),
        "Group codes need 2–4 or 5–8 participants: check the group size.": (
            "Los códigos de grupo requieren 2–4 o 5–8 participantes: revise el tamaño del grupo."
        ),
        "%(minutes)s minutes is under the %(needed)s minutes a unit of %(code)s needs.": (
            "%(minutes)s minutos no llegan a los %(needed)s que necesita una unidad de %(code)s."
        ),
        "Only time spent with the person counts; check the minutes.": (
            "Solo cuenta el tiempo con la persona; revise los minutos."
        ),
        "%(minutes)s minutes this month so far: %(code)s needs %(needed)s.": (
            "%(minutes)s minutos este mes hasta ahora: %(code)s necesita %(needed)s."
        ),
        "%(minutes)s minutes this month so far: the next %(code)s unit is not reached yet.": (
            "%(minutes)s minutos este mes hasta ahora: todavía no se alcanza la siguiente unidad "
            "de %(code)s."
        ),
        "Waiting for more time this month.": "Esperando más tiempo este mes.",
        "%(code)s needs at least %(n)s minutes.": "%(code)s necesita al menos %(n)s minutos.",
        "Check the minutes.": "Revise los minutos.",
        "%(code)s covers at most %(n)s minutes.": "%(code)s cubre como máximo %(n)s minutos.",
        "%(code)s was already billed %(n)s times, its maximum.": (
            "%(code)s ya se facturó %(n)s veces, su máximo."
        ),
        "A further visit needs another recommendation.": "Otra visita necesita otra recomendación.",
        "%(code)s was billed on %(day)s: at most once every %(n)s months.": (
            "%(code)s se facturó el %(day)s: como máximo una vez cada %(n)s meses."
        ),
        "Wait until the interval has passed.": "Espere a que pase el intervalo.",
        "from %(day)s": "desde el %(day)s",
        "%(family)s applies to dates of service %(since)s only.": (
            "%(family)s solo se aplica a fechas de servicio %(since)s."
        ),
        "Another code family applies to this date.": "A esta fecha se aplica otra familia de códigos.",
        "%(n)s units already billed this year: a plan of care is needed.": (
            "Ya se facturaron %(n)s unidades este año: se necesita un plan de atención."
        ),
        "%(n)s units past the %(limit)s a year allowed without a plan of care were not claimed.": (
            "No se reclamaron %(n)s unidades por encima de las %(limit)s al año permitidas sin "
            "plan de atención."
        ),
        "a day": "al día",
        "a month": "al mes",
        "a year": "al año",
        "%(n)s units": "%(n)s unidades",
        "%(n)s minutes": "%(n)s minutos",
        "%(n)s visits": "%(n)s visitas",
        "The limit of %(limit)s is already reached.": "Ya se alcanzó el límite de %(limit)s.",
        "Charge this work to a grant.": "Cargue este trabajo a una subvención.",
        "%(n)s units over the limit of %(limit)s were not claimed.": (
            "No se reclamaron %(n)s unidades por encima del límite de %(limit)s."
        ),
        "Get prior authorization from the payer.": "Obtenga autorización previa del pagador.",
        "Over the limit of %(limit)s.": "Por encima del límite de %(limit)s.",
        "Charge the work to a grant that allows it.": (
            "Cargue el trabajo a una subvención que lo permita."
        ),
        "No code of %(title)s applies on %(day)s.": "Ningún código de %(title)s aplica el %(day)s.",
        "Check the date of service and the payer.": "Revise la fecha del servicio y el pagador.",
        "plan of care after %(n)s units a year": "plan de atención después de %(n)s unidades al año",
        "Funding source": "Fuente de financiamiento",
        "Funder": "Financiador",
        "Period": "Período",
        "Persons served": "Personas atendidas",
        "Encounters": "Encuentros",
        "Amount used": "Monto usado",
        "Amount awarded": "Monto otorgado",
        "Need addressed": "Necesidad atendida",
        "Amount": "Monto",
        "Services": "Servicios",
        "Why no payer paid": "Por qué ningún pagador pagó",
        "Payer": "Pagador",
        "Member ID": "Número de afiliado",
        "Plan": "Plan",
        "Until": "Hasta",
        "Date of the visit": "Fecha de la visita",
        "Visit code (e.g. 99214)": "Código de la visita (p. ej. 99214)",
        "Payer ID": "ID del pagador",
        "Claim filing indicator": "Indicador de tipo de reclamo",
        "Rule set": "Conjunto de reglas",
        "Preferred codes": "Códigos preferidos",
        "Taxonomy code": "Código de taxonomía",
        "ZIP+4 of the billing address": "Código postal ZIP+4 de la dirección de facturación",
        "Submitter ID": "ID del remitente",
        "Billing contact": "Contacto de facturación",
        "Billing contact phone": "Teléfono del contacto de facturación",
        "Supervising provider": "Proveedor supervisor",
        "Code": "Código",
        "Charge per unit": "Cargo por unidad",
        "Charge per hour of work": "Cargo por hora de trabajo",
        "Programs it pays for (none: any)": "Programas que paga (ninguno: cualquiera)",
        "Services it pays for (none: any)": "Servicios que paga (ninguno: cualquiera)",
        "Reporting requirements": "Requisitos de informes",
        "835 remittance file": "Archivo de remesa 835",
        "MC Medicaid": "MC Medicaid",
        "MB Medicare Part B": "MB Medicare Parte B",
        "CI Commercial insurance": "CI Seguro comercial",
        "HM Health maintenance organization": "HM Organización de mantenimiento de la salud (HMO)",
        "16 Medicare Advantage (HMO)": "16 Medicare Advantage (HMO)",
        "ZZ Other": "ZZ Otro",
        "payer ID": "ID del pagador",
        "claim filing indicator": "indicador de tipo de reclamo",
        "rule set": "conjunto de reglas",
        "preferred codes": "códigos preferidos",
        "Primary": "Primaria",
        "Secondary": "Secundaria",
        "plan": "plan",
        "member ID": "número de afiliado",
        "from": "desde",
        "Rendering": "Prestador",
        "Supervising": "Supervisor",
        "first name": "nombre",
        "last name": "apellido",
        "taxonomy code": "código de taxonomía",
        "submitter ID": "ID del remitente",
        "billing contact": "contacto de facturación",
        "billing contact phone": "teléfono del contacto de facturación",
        "code": "código",
        "charge per unit": "cargo por unidad",
        "date of the visit": "fecha de la visita",
        "visit code": "código de la visita",
        "Generated": "Generado",
        "Approved": "Aprobado",
        "Submitted": "Enviado",
        "to": "hasta",
        "Ready": "Listo",
        "Paid": "Pagado",
        "Denied": "Denegado",
        "Replaced by a corrected claim": "Reemplazado por un reclamo corregido",
        "Voided": "Anulado",
        "Original": "Original",
        "Corrected (replacement)": "Corregido (reemplazo)",
        "Void": "Anulación",
        "Grant": "Subvención",
        "Contract": "Contrato",
        "Pass-through grant": "Subvención de traspaso",
        "ACO agreement": "Acuerdo con una ACO",
        "funder": "financiador",
        "amount": "monto",
        "charge per hour of work": "cargo por hora de trabajo",
        "services it pays for": "servicios que paga",
        "reporting requirements": "requisitos de informes",
        "No coverage on the date of service.": "No hay cobertura en la fecha del servicio.",
        "Record the person's coverage (payer, member ID, dates), or charge a grant.": (
            "Registre la cobertura de la persona (pagador, número de afiliado, fechas), o cargue "
            "una subvención."
        ),
        "%(payer)s has no rules for this date of service.": (
            "%(payer)s no tiene reglas para esta fecha de servicio."
        ),
        "Check the payer's rule set.": "Revise el conjunto de reglas del pagador.",
        "No charge for %(code)s in your fee schedule.": "No hay cargo para %(code)s en su tarifario.",
        "Add %(code)s to the fee schedule.": "Agregue %(code)s al tarifario.",
        "The end must be on or after the start.": "El fin debe ser igual o posterior al inicio.",
        "Choose a period of at most a year.": "Elija un período de un año como máximo.",
        "Enter an amount.": "Escriba un monto.",
        "Enter an amount from 0 to 999,999,999.": "Escriba un monto de 0 a 999.999.999.",
        "Choose a claim filing indicator, such as MC or MB.": (
            "Elija un indicador de tipo de reclamo, como MC o MB."
        ),
        "Choose one of the rule sets Puentes ships.": "Elija uno de los conjuntos de reglas de Puentes.",
        "Choose one of the rule set's code families.": (
            "Elija una de las familias de códigos del conjunto de reglas."
        ),
        "A payer with this name exists.": "Ya existe un pagador con este nombre.",
        "Choose one of your organization's payers.": "Elija uno de los pagadores de su organización.",
        "Choose primary or secondary.": "Elija primaria o secundaria.",
        "Enter the visit's 5-character code, such as 99214 or G0438.": (
            "Escriba el código de 5 caracteres de la visita, como 99214 o G0438."
        ),
        "Choose rendering or supervising.": "Elija prestador o supervisor.",
        "A taxonomy code has 10 characters and ends in X (e.g. 251S00000X).": (
            "Un código de taxonomía tiene 10 caracteres y termina en X (p. ej. 251S00000X)."
        ),
        "Enter the 9-digit ZIP+4 of the billing address.": (
            "Escriba el ZIP+4 de 9 dígitos de la dirección de facturación."
        ),
        "Enter a 10-digit phone number.": "Escriba un teléfono de 10 dígitos.",
        "Choose one of your supervising providers.": "Elija a uno de sus proveedores supervisores.",
        "Choose a code one of the rule sets uses.": (
            "Elija un código que use alguno de los conjuntos de reglas."
        ),
        "Choose grant, contract, pass-through grant or ACO agreement.": (
            "Elija subvención, contrato, subvención de traspaso o acuerdo con una ACO."
        ),
        "Choose services from the list.": "Elija servicios de la lista.",
        "Choose programs your organization runs.": "Elija programas de su organización.",
        "the organization's NPI": "el NPI de la organización",
        "the organization's tax ID (EIN)": "el número de identificación fiscal (EIN) de la organización",
        "the organization's address": "la dirección de la organización",
        "the ZIP+4 of the billing address": "el ZIP+4 de la dirección de facturación",
        "the submitter ID": "el ID del remitente",
        "Claims cannot be made yet. Missing: %(missing)s.": (
            "Todavía no se pueden hacer reclamos. Falta: %(missing)s."
        ),
        "Complete the billing set-up.": "Complete la configuración de facturación.",
        "Choose a period of at most a year, ending after it starts.": (
            "Elija un período de un año como máximo, que termine después de empezar."
        ),
        "The period cannot end in the future.": "El período no puede terminar en el futuro.",
        "Some of these encounters were just claimed in another batch. Generate again.": (
            "Algunos de estos encuentros se acaban de reclamar en otro lote. Genere de nuevo."
        ),
        "Nothing in this period is ready to bill to %(payer)s.": (
            "Nada de este período está listo para facturar a %(payer)s."
        ),
        "Choose approved, submitted, accepted or rejected.": (
            "Elija approved, submitted, accepted o rejected."
        ),
        "This batch is %(current)s: it cannot become %(status)s.": (
            "Este lote está %(current)s: no puede pasar a %(status)s."
        ),
        "Say why the batch was rejected.": "Diga por qué se rechazó el lote.",
        "This claim no longer stands (it is %(status)s).": "Este reclamo ya no está vigente (%(status)s).",
        "A void cannot be corrected or voided.": "Una anulación no se puede corregir ni anular.",
        "This claim has not been submitted: reject its batch or wait until it is sent.": (
            "Este reclamo no se ha enviado: rechace su lote o espere a que se envíe."
        ),
        "Say why the claim is voided.": "Diga por qué se anula el reclamo.",
        "Say what the correction changes.": "Diga qué cambia la corrección.",
        "The corrected claim would not be billable: %(why)s": (
            "El reclamo corregido no sería facturable: %(why)s"
        ),
        "nothing to bill": "nada que facturar",
        "An 835 file is plain ASCII text.": "Un archivo 835 es texto ASCII simple.",
        "This is not a readable 835 remittance: %(why)s": "Esta no es una remesa 835 legible: %(why)s",
        "These claims are not yours or do not exist: %(list)s.": (
            "Estos reclamos no son suyos o no existen: %(list)s."
        ),
        "The remittance holds no claims.": "La remesa no contiene reclamos.",
        "Remittance %(trace)s: paid %(paid)s": "Remesa %(trace)s: pagado %(paid)s",
        "Denied by the payer": "Denegado por el pagador",
        "Work queue": "Cola de trabajo",
        "Batches": "Lotes",
        "Remittances": "Remesas",
        "Grants": "Subvenciones",
        "Set-up": "Configuración",
        "To fix": "Para corregirlo",
        "Batch": "Lote",
        "Claim batches": "Lotes de reclamos",
        "%(counter)s claim": ("%(counter)s reclamo", "%(counter)s reclamos"),
        "Download the 837P file": "Descargar el archivo 837P",
        "Download CSV": "Descargar CSV",
        "Claim": "Reclamo",
        "Lines": "Líneas",
        "Charge": "Cargo",
        "Claims": "Reclamos",
        "Charges": "Cargos",
        "No batches yet.": "Todavía no hay lotes.",
        "Diagnoses": "Diagnósticos",
        "paid": "pagado",
        "payer's number": "número del pagador",
        "Units": "Unidades",
        "Adjustments": "Ajustes",
        "Correct or void": "Corregir o anular",
        "Send a corrected claim": "Enviar un reclamo corregido",
        "Void the claim": "Anular el reclamo",
        "Grants and funding": "Subvenciones y financiamiento",
        "Used": "Usado",
        "No funding sources yet.": "Todavía no hay fuentes de financiamiento.",
        "Charge unpaid work to grants": "Cargar a subvenciones el trabajo no pagado",
        "Encounters no payer will pay (not billable, or denied) are charged to a grant that allows their program and services and has money left.": (
            "Los encuentros que ningún pagador pagará (no facturables o denegados) se cargan a "
            "una subvención que permita su programa y servicios y tenga fondos."
        ),
        "Charge grants": "Cargar a subvenciones",
        "Add a funding source": "Agregar una fuente de financiamiento",
        "Download XLSX": "Descargar XLSX",
        "Nothing charged in this period.": "No se cargó nada en este período.",
        "Billing work queue": "Cola de trabajo de facturación",
        "No coverage": "Sin cobertura",
        "%(counter)s encounter ready to bill": (
            "%(counter)s encuentro listo para facturar",
            "%(counter)s encuentros listos para facturar",
        ),
        "%(counter)s blocked": ("%(counter)s bloqueado", "%(counter)s bloqueados"),
        "Generate the %(payer)s batch": "Generar el lote de %(payer)s",
        "Blocked": "Bloqueados",
        "Why, and what would fix it": "Por qué, y qué lo corregiría",
        "No encounters to bill in this period.": "No hay encuentros para facturar en este período.",
        "Remittances (835)": "Remesas (835)",
        "Import an 835 file": "Importar un archivo 835",
        "Post the payments": "Registrar los pagos",
        "Trace number": "Número de rastreo",
        "No remittances imported.": "No se han importado remesas.",
        "Billing set-up": "Configuración de facturación",
        "Payers": "Pagadores",
        "No payers yet.": "Todavía no hay pagadores.",
        "Add the payer": "Agregar el pagador",
        "Billing profile": "Perfil de facturación",
        "The NPI, tax ID and address on claims are the organization's own (Organization page).": (
            "El NPI, el número fiscal y la dirección de los reclamos son los de la organización "
            "(página Organización)."
        ),
        "Providers": "Proveedores",
        "No providers yet.": "Todavía no hay proveedores.",
        "Add the provider": "Agregar el proveedor",
        "Fee schedule": "Tarifario",
        "No fees yet.": "Todavía no hay tarifas.",
        "Set the fee": "Fijar la tarifa",
        "Rule sets": "Conjuntos de reglas",
        "Dates of service": "Fechas de servicio",
        "Codes": "Códigos",
        "Not confirmed by the sources": "Sin confirmar en las fuentes",
        "Not billable": "No facturable",
        "Batch generated: review and approve it.": "Lote generado: revíselo y apruébelo.",
        "Approve": "Aprobar",
        "Mark submitted": "Marcar como enviado",
        "Accepted by the clearinghouse": "Aceptado por la cámara de compensación",
        "Batch updated.": "Lote actualizado.",
        "Corrected claim created.": "Reclamo corregido creado.",
        "Void created.": "Anulación creada.",
        "Remittance posted.": "Remesa registrada.",
        "Funding source added.": "Fuente de financiamiento agregada.",
        "%(charged)s encounters charged to grants; %(none)s found no grant that allows them.": (
            "%(charged)s encuentros cargados a subvenciones; %(none)s no encontraron una "
            "subvención que los permita."
        ),
        "Coverage recorded.": "Cobertura registrada.",
        "Record coverage": "Registrar la cobertura",
        "Your organization has no payers yet: billing staff add them under Billing set-up.": (
            "Su organización todavía no tiene pagadores: el personal de facturación los agrega "
            "en Configuración de facturación."
        ),
        "Initiating visit recorded.": "Visita inicial registrada.",
        "The billing practitioner's visit (an E/M or annual wellness visit) that the monthly G-codes need first.": (
            "La visita del profesional que factura (E/M o de bienestar anual) que los códigos G "
            "mensuales necesitan primero."
        ),
        "Record an initiating visit": "Registrar una visita inicial",
        "Diagnosis (ICD-10-CM), if the practitioner gave one": (
            "Diagnóstico (ICD-10-CM), si el profesional lo dio"
        ),
        "diagnosis (ICD-10-CM)": "diagnóstico (ICD-10-CM)",
        "Enter an ICD-10-CM code, such as Z59.41 or E11.9.": (
            "Escriba un código ICD-10-CM, como Z59.41 o E11.9."
        ),
        "Coverage": "Cobertura",
        "No coverage recorded: the work can only be charged to grants.": (
            "No hay cobertura registrada: el trabajo solo se puede cargar a subvenciones."
        ),
        "Initiating visit": "Visita inicial",
        "Claimed": "Reclamado",
        "Charged to a grant": "Cargado a una subvención",
        "Ready to bill": "Listo para facturar",
        "Not billable yet": "Todavía no facturable",
        "Record people's insurance coverage and initiating visits": (
            "Registrar la cobertura de seguro de las personas y las visitas iniciales"
        ),
        "See the billing queue, claims, remittances and grant reports": (
            "Ver la cola de facturación, reclamos, remesas e informes de subvenciones"
        ),
        "Set up payers, providers and fees; generate, approve and submit claims; import remittances; charge grants": (
            "Configurar pagadores, proveedores y tarifas; generar, aprobar y enviar reclamos; "
            "importar remesas; cargar a subvenciones"
        ),
        "Billing": "Facturación",
    }
)

ES.update(
    {
        "Showing the first %(limit)s encounters of the period; a batch takes them all. Choose a shorter period to see the rest.": (
            "Se muestran los primeros %(limit)s encuentros del período; un lote los toma todos. "
            "Elija un período más corto para ver el resto."
        ),
    }
)

ES.update(
    {
        "An FQHC or RHC cannot be the supervising provider on fee-for-service claims for %(title)s.": (
            "Un FQHC o RHC no puede ser el proveedor supervisor en reclamos de pago por "
            "servicio de %(title)s."
        ),
        "Bill the person's managed-care plan, or charge the work to a grant.": (
            "Facture al plan de atención administrada de la persona, o cargue el trabajo a una "
            "subvención."
        ),
        "a managed-care plan (not fee-for-service)": (
            "un plan de atención administrada (no de pago por servicio)"
        ),
        "A managed-care plan (not fee-for-service)": (
            "Un plan de atención administrada (no de pago por servicio)"
        ),
        "a federally qualified or rural health center (FQHC/RHC)": (
            "un centro de salud calificado federalmente o rural (FQHC/RHC)"
        ),
        "We are a federally qualified or rural health center (FQHC/RHC)": (
            "Somos un centro de salud calificado federalmente o rural (FQHC/RHC)"
        ),
    }
)

ES.update(
    {
        "Being generated": "Generándose",
        "Not generated": "No generado",
        "A batch for %(payer)s is being generated: wait for it to finish.": (
            "Se está generando un lote para %(payer)s: espere a que termine."
        ),
        "Every encounter of the period is being checked against the payer's rules. This page updates itself.": (
            "Cada encuentro del período se está revisando con las reglas del pagador. Esta "
            "página se actualiza sola."
        ),
        "The first %(shown)s claims are shown; the files hold every one.": (
            "Se muestran los primeros %(shown)s reclamos; los archivos los contienen todos."
        ),
    }
)

ES.update({"%(done)s of %(total)s people checked": "%(done)s de %(total)s personas revisadas"})

ES.update(
    {
        "Generating the batch failed (the worker's log says why). Generate it again.": (
            "La generación del lote falló (el registro del proceso de fondo dice por qué). "
            "Genérelo de nuevo."
        ),
    }
)

# Hardening (issue 14): used invitations, read audits, refused attempts.
ES.update(
    {
        "This invitation has already been used.": "Esta invitación ya se usó.",
        "Withdrawn: the person's consent to share has ended.": (
            "Retirada: terminó el consentimiento de la persona para compartir."
        ),
        "listed or searched people": "listó o buscó personas",
        "The work stopped with an error (the worker's log says why). Start it again.": (
            "El trabajo se detuvo con un error (el registro del proceso de fondo dice por "
            "qué). Vuelva a iniciarlo."
        ),
        "The worker doing this stopped (tried %(attempts)s times). Start it again; if it keeps stopping, tell your administrator.": (
            "El proceso que hacía esto se detuvo (se intentó %(attempts)s veces). Vuelva a "
            "iniciarlo; si sigue deteniéndose, avise a su administrador."
        ),
        "Cancelled by %(who)s.": "Cancelado por %(who)s.",
        "Signed-in requests that change something need the CSRF token (the X-CSRFToken header); programs should send an API key instead.": (
            "Las solicitudes con sesión iniciada que cambian algo necesitan el token CSRF (el "
            "encabezado X-CSRFToken); los programas deben enviar una clave de API."
        ),
        "The request could not be read (its body or form data is malformed).": (
            "No se pudo leer la solicitud (su cuerpo o sus datos de formulario están mal formados)."
        ),
        "Something went wrong on our side; nothing was saved. Try again later.": (
            "Algo falló de nuestro lado; no se guardó nada. Inténtelo más tarde."
        ),
        "This method is not allowed here. Allowed: %(methods)s.": (
            "Este método no se permite aquí. Se permiten: %(methods)s."
        ),
        "The request is too large.": "La solicitud es demasiado grande.",
        "Give the local time of day, without a UTC offset (e.g. 14:30).": (
            "Indique la hora local, sin diferencia con UTC (por ejemplo, 14:30)."
        ),
        "Contains a character that cannot be stored (a NUL or a lone surrogate).": (
            "Contiene un carácter que no se puede guardar (un NUL o un sustituto suelto)."
        ),
        "API key %(prefix)s": "Clave de API %(prefix)s",
        "failed to sign in": "no pudo iniciar sesión",
        "downloaded a claim batch's file": "descargó el archivo de un lote de reclamos",
        "presented an API key that was refused": "presentó una clave de API que fue rechazada",
        "The request is too large: files may be at most %(mb)s MB.": (
            "La solicitud es demasiado grande: los archivos pueden tener como máximo %(mb)s MB."
        ),
        "The ZIP unpacks to %(ratio)s times its size (at most %(most)s): it is not an export we can read safely.": (
            "El ZIP se descomprime a %(ratio)s veces su tamaño (como máximo %(most)s): no es "
            "una exportación que podamos leer con seguridad."
        ),
        "The ZIP unpacks to more than %(mb)s MB.": "El ZIP descomprimido ocupa más de %(mb)s MB.",
        "Too many failed attempts from your address.": (
            "Demasiados intentos fallidos desde su dirección."
        ),
        "the system": "el sistema",
        "cancelled a claim batch being generated": "canceló un lote de reclamos en generación",
        "cancelled a directory import": "canceló una importación del directorio",
        "This batch is not being generated any more.": "Este lote ya no se está generando.",
        "This import has already ended.": "Esta importación ya terminó.",
        "Batch cancelled.": "Lote cancelado.",
        "Import cancelled.": "Importación cancelada.",
        "Cancel this batch": "Cancelar este lote",
        "If it seems stuck: the payer's next batch can then be generated.": (
            "Si parece detenido: después se podrá generar el siguiente lote del pagador."
        ),
        "Cancel this import": "Cancelar esta importación",
        "If it seems stuck. Nothing of it is kept.": "Si parece detenida. No se guarda nada de ella.",
        "was refused a record (not found or not allowed)": (
            "se le negó un registro (no encontrado o no permitido)"
        ),
    }
)

# Directory imports as 211s publish them (issue 15): datapackage resources, no false success,
# no silent mass deactivation, previews.
ES.update(
    {
        "I know many of this source's listings are gone: let it mark them inactive": (
            "Sé que muchos listados de esta fuente ya no existen: permitir marcarlos inactivos"
        ),
        "This import would mark %(missing)s of the source's %(active)s active records inactive (%(tables)s) because they are not in the file. Nothing was imported. If they really are gone, import again allowing it; otherwise check the file.": (
            "Esta importación marcaría como inactivos %(missing)s de los %(active)s registros "
            "activos de la fuente (%(tables)s) porque no están en el archivo. No se importó "
            "nada. Si de verdad ya no existen, vuelva a importar permitiéndolo; si no, revise "
            "el archivo."
        ),
        "HSDS tables": "tablas HSDS",
        "No rows were found (looked for: %(files)s). Nothing was imported.": (
            "No se encontraron filas (se buscó: %(files)s). No se importó nada."
        ),
        "datapackage.json cannot be read (%(error)s); read the CSV files found": (
            "No se puede leer datapackage.json (%(error)s); se leyeron los archivos CSV encontrados"
        ),
        "names %(path)s, which is not in the package": (
            "nombra %(path)s, que no está en el paquete"
        ),
        "datapackage.json lists no CSV files; read the CSV files found": (
            "datapackage.json no enumera archivos CSV; se leyeron los archivos CSV encontrados"
        ),
        "Only a finished preview can be imported.": (
            "Solo se puede importar una vista previa terminada."
        ),
        "Preview ready": "Vista previa lista",
        "Preview: nothing is written": "Vista previa: no se guarda nada",
        "Changed": "Cambiados",
        "Let it mark records missing from the file inactive, however many": (
            "Permitir marcar inactivos los registros que faltan en el archivo, sean cuantos sean"
        ),
        "Import this file": "Importar este archivo",
        "Preview": "Vista previa",
        "Preview checks the whole file and shows what would be created, updated, marked inactive and rejected, without changing anything.": (
            "La vista previa revisa todo el archivo y muestra qué se crearía, actualizaría, "
            "marcaría como inactivo y rechazaría, sin cambiar nada."
        ),
    }
)

ES.update(
    {
        "times written as people write them": "horas escritas como las escribe la gente",
        "hours that are not times, kept as text": (
            "horarios que no son horas, conservados como texto"
        ),
        "blank service status set to active": "estado del servicio en blanco puesto como activo",
        "language names turned into codes": "nombres de idiomas convertidos en códigos",
        "garbled characters fixed": "caracteres dañados corregidos",
        "ids reused in a table given their own": (
            "identificadores repetidos en una tabla reemplazados por uno propio"
        ),
        "locations given the organization their services name": (
            "ubicaciones asignadas a la organización que nombran sus servicios"
        ),
        "Repaired (the meaning was certain)": "Reparado (el significado era seguro)",
        "Field": "Campo",
        "As it was": "Como estaba",
        "cannot read the CSV: its encoding is unknown": (
            "no se puede leer el CSV: su codificación es desconocida"
        ),
        "%(file)s is not UTF-8: read as %(encoding)s (detected; check accented letters)": (
            "%(file)s no está en UTF-8: se leyó como %(encoding)s (detectado; revise las "
            "letras con acento)"
        ),
        "about %(km)s km (approximate location)": "a unos %(km)s km (ubicación aproximada)",
        "approximate location: the ZIP code's centre": (
            "ubicación aproximada: el centro del código postal"
        ),
        "As imported": "Como se importó",
    }
)

ES.update(
    {
        "Written in English": "Escrito en inglés",
        "Written in Spanish": "Escrito en español",
        "Written in English and Spanish": "Escrito en inglés y español",
        "Served in": "Atiende en",
    }
)

ES.update(
    {
        "No place matches all of your words; these match some of them.": (
            "Ningún lugar coincide con todas sus palabras; estos coinciden con algunas."
        ),
    }
)

ES.update(
    {
        "%(counter)s waiting for more time this month": (
            "%(counter)s esperando más tiempo este mes",
            "%(counter)s esperando más tiempo este mes",
        ),
        "Waiting for more time this month": "Esperando más tiempo este mes",
        "Monthly time codes pay for a month's total minutes: these visits are kept and billed "
        "when the month's time reaches the next unit.": (
            "Los códigos de tiempo mensual pagan el total de minutos del mes: estas visitas se "
            "guardan y se facturan cuando el tiempo del mes alcanza la siguiente unidad."
        ),
        "This month": "Este mes",
        "Billed after the month ends, dated its last day.": (
            "Se factura cuando termina el mes, con fecha de su último día."
        ),
    }
)

ES.update(
    {
        "unconfirmed": "sin confirmar",
        "off": "desactivado",
        "Over the limit of %(limit)s: billed under prior authorization %(number)s.": (
            "Por encima del límite de %(limit)s: facturado con la autorización previa %(number)s."
        ),
        "Get prior authorization from the payer for the rest, or charge it to a grant.": (
            "Pida al pagador autorización previa para el resto, o cárguelo a una subvención."
        ),
        "Charge the rest of this work to a grant.": "Cargue el resto de este trabajo a una subvención.",
        "first monthly unit at the midpoint (31 of 60 minutes)": (
            "primera unidad mensual a la mitad (31 de 60 minutos)"
        ),
        "first monthly unit at its full time": "primera unidad mensual al completar su tiempo",
        "monthly lines dated the day the time is reached": (
            "líneas mensuales con la fecha del día en que se alcanza el tiempo"
        ),
        "monthly lines dated the month's last day": (
            "líneas mensuales con la fecha del último día del mes"
        ),
        "Authorization number": "Número de autorización",
        "Procedure codes (empty: any)": "Códigos de procedimiento (vacío: cualquiera)",
        "Separated by commas, such as 98960, 98961.": "Separados por comas, como 98960, 98961.",
        "Units authorized": "Unidades autorizadas",
        "Minutes authorized": "Minutos autorizados",
        "Requested": "Solicitada",
        "authorization number": "número de autorización",
        "procedure codes": "códigos de procedimiento",
        "units authorized": "unidades autorizadas",
        "minutes authorized": "minutos autorizados",
        "Choose one of this person's coverages.": "Elija una de las coberturas de esta persona.",
        "Choose requested, approved or denied.": "Elija solicitada, aprobada o denegada.",
        "Use only letters, digits and hyphens, as the payer wrote it.": (
            "Use solo letras, dígitos y guiones, como lo escribió el pagador."
        ),
        "Say how many units or minutes the payer authorized.": (
            "Indique cuántas unidades o minutos autorizó el pagador."
        ),
        "List procedure codes, such as 98960, 98961.": (
            "Escriba códigos de procedimiento, como 98960, 98961."
        ),
        "Not a procedure code: %(codes)s.": "No es un código de procedimiento: %(codes)s.",
        "Enter a whole number.": "Escriba un número entero.",
        "Enter a number greater than zero.": "Escriba un número mayor que cero.",
        "Prior authorization recorded.": "Autorización previa registrada.",
        "A payer's approval for work past a limit (hours a day, visits a month): the work it "
        "covers is billed with its number.": (
            "La aprobación de un pagador para trabajo por encima de un límite (horas al día, "
            "visitas al mes): el trabajo que cubre se factura con su número."
        ),
        "Record the person's coverage first: an authorization belongs to one.": (
            "Registre primero la cobertura de la persona: una autorización pertenece a una."
        ),
        "Record a prior authorization": "Registrar una autorización previa",
        "Prior authorization": "Autorización previa",
        "%(counter)s unit": ("%(counter)s unidad", "%(counter)s unidades"),
    }
)

ES.update(
    {
        "Correct the code on the need or on the practitioner's recommendation.": (
            "Corrija el código en la necesidad o en la recomendación del profesional."
        ),
        "No %(kinds)s diagnosis code (%(prefixes)s…).": (
            "Ningún código de diagnóstico %(kinds)s (%(prefixes)s…)."
        ),
        "Record the practitioner's code on the recommendation.": (
            "Registre el código del profesional en la recomendación."
        ),
        "Record the initiating visit, one of: %(codes)s.": (
            "Registre la visita inicial, una de: %(codes)s."
        ),
        "%(family)s needs the person's consent, given before the service.": (
            "%(family)s necesita el consentimiento de la persona, dado antes del servicio."
        ),
        "Record the consent (that cost sharing applies and only one practitioner bills it in "
        "a month).": (
            "Registre el consentimiento (que aplica costo compartido y que solo un profesional "
            "lo factura al mes)."
        ),
        "The consent names another billing practitioner than the initiating visit.": (
            "El consentimiento nombra a un profesional que factura distinto del de la visita "
            "inicial."
        ),
        "Record a new consent naming the current billing practitioner.": (
            "Registre un nuevo consentimiento que nombre al profesional que factura ahora."
        ),
        "%(family)s needs a serious, high-risk condition expected to last 3 months or more.": (
            "%(family)s necesita una condición grave y de alto riesgo que se espera dure 3 meses "
            "o más."
        ),
        "Record the condition with its diagnosis code.": (
            "Registre la condición con su código de diagnóstico."
        ),
        "%(family)s is billed only with a practitioner's visit on the same day.": (
            "%(family)s solo se factura con una visita de un profesional el mismo día."
        ),
        "Record the same-day visit, one of: %(codes)s.": (
            "Registre la visita del mismo día, una de: %(codes)s."
        ),
        "No code pays for %(services)s.": "Ningún código paga por %(services)s.",
        "%(code)s needs a practitioner's written recommendation beyond the standing one.": (
            "%(code)s necesita una recomendación escrita de un profesional además de la permanente."
        ),
        "Record the practitioner's recommendation for further visits.": (
            "Registre la recomendación del profesional para más visitas."
        ),
        "diagnosis codes %(prefixes)s…": "códigos de diagnóstico %(prefixes)s…",
        "standing recommendation from %(day)s": "recomendación permanente desde %(day)s",
        "Date of the consent": "Fecha del consentimiento",
        "How it was given": "Cómo se dio",
        "Billing practitioner's name": "Nombre del profesional que factura",
        "Billing practitioner's NPI": "NPI del profesional que factura",
        "The person was told that cost sharing (coinsurance) applies": (
            "Se le dijo a la persona que aplica costo compartido (coaseguro)"
        ),
        "The person was told that only one practitioner may bill this in a month": (
            "Se le dijo a la persona que solo un profesional puede facturar esto en un mes"
        ),
        "Diagnosis (ICD-10-CM)": "Diagnóstico (CIE-10-MC)",
        "Date of the diagnosis": "Fecha del diagnóstico",
        "Expected to last (months)": "Duración esperada (meses)",
        "Ended on": "Terminó el",
        "Written": "Por escrito",
        "date of the consent": "fecha del consentimiento",
        "billing practitioner's name": "nombre del profesional que factura",
        "billing practitioner's NPI": "NPI del profesional que factura",
        "date of the diagnosis": "fecha del diagnóstico",
        "expected to last (months)": "duración esperada (meses)",
        "ended on": "terminó el",
        "Choose verbal or written.": "Elija verbal o por escrito.",
        "The person must be told this before consenting.": (
            "Hay que decírselo a la persona antes de que dé su consentimiento."
        ),
        "Say how many months the condition is expected to last.": (
            "Indique cuántos meses se espera que dure la condición."
        ),
        "Principal illness navigation needs a condition expected to last 3 months or more.": (
            "La navegación de enfermedad principal necesita una condición que se espera dure "
            "3 meses o más."
        ),
        "The end must be on or after the diagnosis.": (
            "El final debe ser el día del diagnóstico o después."
        ),
        "%(code)s is not an evaluation and management, wellness or behavioral health visit code "
        "(such as 99214 or G0438).": (
            "%(code)s no es un código de visita de evaluación y manejo, de bienestar o de salud "
            "conductual (como 99214 o G0438)."
        ),
        "Record consent to a monthly service": "Registrar el consentimiento a un servicio mensual",
        "Medicare's community health integration and principal illness navigation need the "
        "person's consent, with the billing practitioner named. A new consent is needed when "
        "the billing practitioner changes.": (
            "La integración de salud comunitaria y la navegación de enfermedad principal de "
            "Medicare necesitan el consentimiento de la persona, con el nombre del profesional "
            "que factura. Se necesita un nuevo consentimiento cuando cambia ese profesional."
        ),
        "Condition recorded.": "Condición registrada.",
        "Record a serious condition": "Registrar una condición grave",
        "Principal illness navigation is for a serious, high-risk condition expected to last "
        "3 months or more (such as cancer, heart failure or a substance use disorder). Its "
        "code goes on the claim.": (
            "La navegación de enfermedad principal es para una condición grave y de alto riesgo "
            "que se espera dure 3 meses o más (como cáncer, insuficiencia cardíaca o un "
            "trastorno por consumo de sustancias). Su código va en la reclamación."
        ),
        "Labor and delivery support (vaginal birth)": "Apoyo en el trabajo de parto (parto vaginal)",
        "Labor and delivery support (vaginal birth after cesarean)": (
            "Apoyo en el trabajo de parto (parto vaginal después de cesárea)"
        ),
        "Labor and delivery support (cesarean)": "Apoyo en el trabajo de parto (cesárea)",
        "Support during or after a miscarriage or abortion": (
            "Apoyo durante o después de un aborto espontáneo o inducido"
        ),
        "Extended postpartum visit (3 hours)": "Visita posparto extendida (3 horas)",
        "Consent to a monthly service": "Consentimiento a un servicio mensual",
        "Serious condition": "Condición grave",
        "%(code)s is not written like an ICD-10-CM code (such as Z59.41).": (
            "%(code)s no está escrito como un código CIE-10-MC (como Z59.41)."
        ),
        "%(code)s is not an ICD-10-CM code.": "%(code)s no es un código CIE-10-MC.",
        "%(code)s is a category, not a billable code: add the characters that complete it.": (
            "%(code)s es una categoría, no un código facturable: agregue los caracteres que lo "
            "completan."
        ),
        "%(code)s did not exist yet on %(day)s.": "%(code)s todavía no existía el %(day)s.",
    }
)

ES.update({"Transitional rent": "Renta de transición"})
